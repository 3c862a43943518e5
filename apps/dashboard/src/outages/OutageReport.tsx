import { Alert, Box, Button, Card, CardContent, CircularProgress, Stack, Typography } from "@mui/material";
import DownloadIcon from "@mui/icons-material/Download";
import { lazy, Suspense, useEffect, useState } from "react";
import { LA_DATETIME } from "../common/choices";
import { fetchOutageReport, formatDelay, type OutageReportData, type OutageReportQuery, reportCsv } from "./outage-report-api";
import { OutageReportFigure } from "./OutageReportFigure";
import { OutageReportTable } from "./OutageReportTable";

// recharts is a quarter of the dashboard's code and only this report draws with it.
const OutageReportChart = lazy(() => import("./OutageReportChart").then((m) => ({ default: m.OutageReportChart })));

const LA_TIME = { timeZone: LA_DATETIME.timeZone, hour: "numeric", minute: "2-digit", timeZoneName: "short" } as const;
const interval = (r: OutageReportData) =>
  `${new Date(r.startsAt).toLocaleString("en-US", LA_DATETIME)} – ${new Date(r.endsAt).toLocaleString("en-US", LA_TIME)}`;

async function download(report: OutageReportData) {
  const blob = new Blob([await reportCsv(report)], { type: "text/csv;charset=utf-8" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = `outage-report-${report.startsAt.slice(0, 10)}.csv`;
  a.click();
  URL.revokeObjectURL(a.href);
}

/** Marks entered during an outage or a maintenance window occurrence, and when the server got them. */
export function OutageReport({ query, emptyText }: { query: OutageReportQuery; emptyText: string }) {
  const [state, setState] = useState<{ key?: string; report?: OutageReportData; error?: string }>({});
  const key = JSON.stringify(query);
  useEffect(() => {
    let live = true;
    fetchOutageReport(JSON.parse(key) as OutageReportQuery).then(
      (report) => live && setState({ key, report }),
      (err: Error) => live && setState({ key, error: err.message }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  // A report for an earlier query is not shown while the new one loads.
  const { report, error } = state.key === key ? state : {};
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!report) return <CircularProgress size={24} sx={{ m: 2 }} />;
  const t = report.totals;
  const maintenance = report.kind === "MAINTENANCE";
  const empty = t.enteredDuring === 0 && t.savedDuring === 0 && t.missing === 0;
  return (
    <Card variant="outlined" sx={{ mt: 2 }} data-testid="outage-report">
      <CardContent>
        <Stack direction="row" sx={{ alignItems: "baseline", justifyContent: "space-between", mb: 1 }}>
          <Box>
            <Typography variant="h6">Marks entered during {maintenance ? "maintenance" : "the outage"}</Typography>
            <Typography variant="body2" color="text.secondary">
              {interval(report)} · client time inside, server time after
            </Typography>
          </Box>
          {report.marksVisible && (
            <Button startIcon={<DownloadIcon />} onClick={() => void download(report)} disabled={report.schools.length === 0}>
              Download CSV
            </Button>
          )}
        </Stack>
        {!report.marksVisible ? (
          <Alert severity="info" data-testid="outage-report-hidden">
            Your role cannot see marks, so this report cannot show what teachers entered {maintenance ? "during maintenance" : "during the outage"}. A
            principal, an ESC director or a district administrator can read it.
          </Alert>
        ) : empty ? (
          <Alert severity="info" data-testid="outage-report-empty">
            {emptyText}
          </Alert>
        ) : (
          <>
            <Stack direction="row" sx={{ flexWrap: "wrap", gap: 1, my: 2 }}>
              <OutageReportFigure testId="total-schools" label="Schools" value={t.schools} />
              <OutageReportFigure testId="total-entered" label="Entered during" value={t.enteredDuring} />
              <OutageReportFigure testId="total-held" label="Held on the device, saved after" value={t.savedAfter} />
              <OutageReportFigure
                testId="total-saved-during"
                label={maintenance ? "Saved during (must be 0)" : "Saved during"}
                value={t.savedDuring}
                tone={maintenance ? (t.savedDuring > 0 ? "error" : "success") : undefined}
              />
              <OutageReportFigure testId="total-median" label="Median delay" value={formatDelay(t.medianDelaySeconds)} />
              <OutageReportFigure testId="total-max" label="Longest delay" value={formatDelay(t.maxDelaySeconds)} />
              <OutageReportFigure testId="total-missing" label="Missing" value={t.missing} tone={t.missing > 0 ? "error" : "success"} />
            </Stack>
            {t.missing > 0 && (
              <Alert severity="error" sx={{ mb: 2 }}>
                {t.missing} saved change{t.missing === 1 ? " is" : "s are"} not reflected in the stored marks.
              </Alert>
            )}
            {maintenance && t.savedDuring > 0 && (
              <Alert severity="error" sx={{ mb: 2 }}>
                {t.savedDuring} change{t.savedDuring === 1 ? " was" : "s were"} stored during maintenance, when every write should be refused.
              </Alert>
            )}
            <Suspense fallback={<CircularProgress size={24} sx={{ m: 2 }} />}>
              <OutageReportChart rows={report.schools} />
            </Suspense>
            <OutageReportTable rows={report.schools} maintenance={maintenance} />
          </>
        )}
      </CardContent>
    </Card>
  );
}
