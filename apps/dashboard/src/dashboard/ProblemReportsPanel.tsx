import ReportProblemIcon from "@mui/icons-material/ReportProblem";
import { Box, Button, Chip, List, ListItemButton, ListItemText, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { useEffect, useState } from "react";
import { useCanAccess, useDataProvider, useGetList } from "react-admin";
import { Link } from "react-router-dom";
import { formatSchoolMinutes } from "@gradewatch/domain";
import type { dataProvider as provider } from "../dataProvider";
import type { EscReportSummary } from "../dataProvider/problemReports";
import { reportStates, type SlaView, slaText } from "../problemReports/choices";

const stateName = (id: string) => reportStates.find((s) => s.id === id)?.name ?? id;

/** A principal's (or teacher's) way to tell the ESC: one click to report, and their reports with state and SLA. */
export const MyReports = () => {
  const { canAccess: mayFile } = useCanAccess({ resource: "problemReports", action: "create" });
  const { canAccess: manages } = useCanAccess({ resource: "problemReports", action: "acknowledge" });
  const school = !!mayFile && !manages;
  const { data = [], isPending } = useGetList<{ id: string; title: string; state: string; severity: string; sla: SlaView }>(
    "problemReports",
    { pagination: { page: 1, perPage: 10 }, sort: { field: "filedAt", order: "DESC" } },
    { enabled: school },
  );
  if (!school) return null;
  return (
    <Box sx={{ mt: 3 }} data-testid="my-reports">
      <Box sx={{ display: "flex", alignItems: "center", gap: 2 }}>
        <Typography variant="h6">Problems reported to your ESC</Typography>
        <Button component={Link} to="/problemReports/create" variant="contained" color="warning" startIcon={<ReportProblemIcon />}>
          Report a problem
        </Button>
      </Box>
      {isPending ? (
        <Typography color="text.secondary">Loading…</Typography>
      ) : data.length === 0 ? (
        <Typography color="text.secondary">No problems reported yet.</Typography>
      ) : (
        <List dense>
          {data.map((r) => (
            <ListItemButton key={r.id} component={Link} to={`/problemReports/${r.id}/show`}>
              <ListItemText primary={r.title} secondary={`${stateName(r.state)} · ${slaText(r.sla)}`} />
              {r.sla?.overdue ? <Chip size="small" color="error" label="Overdue" /> : null}
            </ListItemButton>
          ))}
        </List>
      )}
    </Box>
  );
};

/** The ESC's and the district's view: open and overdue reports and the median time to acknowledge, per ESC. */
export const ReportSummary = () => {
  const { canAccess: manages } = useCanAccess({ resource: "problemReports", action: "acknowledge" });
  const dp = useDataProvider<typeof provider>();
  const [rows, setRows] = useState<EscReportSummary[] | null>(null);
  useEffect(() => {
    if (!manages) return;
    dp.problemReportSummary().then((r) => setRows(r.data), () => setRows([]));
  }, [dp, manages]);
  if (!manages || !rows) return null;
  return (
    <Box sx={{ mt: 3 }} data-testid="report-summary">
      <Box sx={{ display: "flex", alignItems: "center", gap: 2 }}>
        <Typography variant="h6">Problem reports by ESC</Typography>
        <Button component={Link} to="/problemReports" variant="outlined">
          Open the queue
        </Button>
      </Box>
      <Table size="small" sx={{ maxWidth: 640 }}>
        <TableHead>
          <TableRow>
            <TableCell>ESC</TableCell>
            <TableCell align="right">Open</TableCell>
            <TableCell align="right">Overdue</TableCell>
            <TableCell align="right">Median time to acknowledge</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.escId}>
              <TableCell>{r.escName}</TableCell>
              <TableCell align="right">{r.open}</TableCell>
              <TableCell align="right" sx={r.overdue ? { color: "error.main", fontWeight: 600 } : undefined}>
                {r.overdue}
              </TableCell>
              <TableCell align="right">{r.medianMinutesToAcknowledge === null ? "—" : `${formatSchoolMinutes(r.medianMinutesToAcknowledge)} (school time)`}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
