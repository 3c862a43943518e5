import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { Link } from "react-router-dom";
import type { CompletionRow } from "../dataProvider/risk";
import { count, instantLabel } from "./format";
import type { RiskLevel } from "./levels";
import { RiskProgress } from "./RiskProgress";

// A row's bar takes the colour of how far it is behind: nothing entered reads red, finished green.
const rowLevel = (r: CompletionRow): RiskLevel => (r.expected > 0 && r.entered >= r.expected ? "COMPLETE" : r.entered === 0 ? "CRITICAL" : r.percent < 50 ? "AT_RISK" : "ON_TRACK");

/** Completion per teacher or per section, least complete first. */
export function CompletionTable({ rows, by }: { rows: CompletionRow[]; by: "teacher" | "section" }) {
  const sorted = [...rows].sort((a, b) => a.percent - b.percent || b.expected - a.expected || a.label.localeCompare(b.label));
  if (sorted.length === 0) return <Typography color="text.secondary">No {by === "teacher" ? "teachers" : "sections"} with marks expected.</Typography>;
  return (
    <Table size="small" data-testid={`completion-by-${by}`}>
      <TableHead>
        <TableRow>
          <TableCell>{by === "teacher" ? "Teacher" : "Section"}</TableCell>
          {by === "section" && <TableCell>Teacher</TableCell>}
          <TableCell>Entered</TableCell>
          <TableCell align="right">Remaining</TableCell>
          <TableCell>Last mark entered</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {sorted.map((r) => (
          <TableRow key={r.id}>
            <TableCell>
              {by === "teacher" && r.teacher ? (
                <Link to={`/employees/${r.teacher.id}/show`}>{r.label}</Link>
              ) : r.section ? (
                <Link to={`/sections/${r.section.id}/show`}>{r.label}</Link>
              ) : (
                r.label
              )}
            </TableCell>
            {by === "section" && <TableCell>{r.teacher?.fullName ?? "(no teacher)"}</TableCell>}
            <TableCell>
              <RiskProgress percent={r.percent} entered={r.entered} expected={r.expected} level={rowLevel(r)} width={180} />
            </TableCell>
            <TableCell align="right">{count(Math.max(0, r.expected - r.entered))}</TableCell>
            <TableCell>
              {r.lastEnteredAt ? (
                instantLabel(r.lastEnteredAt)
              ) : (
                <Typography variant="body2" component="span" sx={{ color: "error.main" }}>
                  Nothing entered
                </Typography>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
