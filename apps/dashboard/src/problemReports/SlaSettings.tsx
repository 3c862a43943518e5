import { Button, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from "@mui/material";
import { useEffect, useState } from "react";
import { Title, useDataProvider, useNotify } from "react-admin";
import type { dataProvider as provider } from "../dataProvider";
import type { SlaSettingRow } from "../dataProvider/problemReports";
import { reportSeverities } from "./choices";

const hours = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);

/** The district administrator's SLA targets per severity, in school hours (a school day is 8 hours). */
export const SlaSettings = () => {
  const dp = useDataProvider<typeof provider>();
  const notify = useNotify();
  const [rows, setRows] = useState<SlaSettingRow[]>([]);
  const [draft, setDraft] = useState<Record<string, { ack: string; resolve: string }>>({});
  useEffect(() => {
    dp.slaSettings().then(
      (r) => {
        setRows(r.data);
        setDraft(Object.fromEntries(r.data.map((s) => [s.severity, { ack: hours(s.acknowledgeMinutes), resolve: hours(s.resolveMinutes) }])));
      },
      (err: Error) => notify(err.message, { type: "error" }),
    );
  }, [dp, notify]);
  const save = async (severity: string) => {
    const d = draft[severity]!;
    try {
      const { data } = await dp.updateSlaSetting({ severity, acknowledgeMinutes: Math.round(Number(d.ack) * 60), resolveMinutes: Math.round(Number(d.resolve) * 60) });
      setRows((rs) => rs.map((r) => (r.severity === severity ? data : r)));
      notify(`${severity} targets saved; open reports now run against them`, { type: "success" });
    } catch (err) {
      notify((err as Error).message, { type: "error" });
    }
  };
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="SLA targets" />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          School hours count 7:30 am to 3:30 pm on school days, Los Angeles time; weekends, holidays and time waiting on the school do not count.
        </Typography>
        <Table size="small" sx={{ maxWidth: 720 }}>
          <TableHead>
            <TableRow>
              <TableCell>Severity</TableCell>
              <TableCell>Acknowledge within (school hours)</TableCell>
              <TableCell>Resolve within (school hours)</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.severity}>
                <TableCell>{reportSeverities.find((s) => s.id === r.severity)?.name}</TableCell>
                {(["ack", "resolve"] as const).map((k) => (
                  <TableCell key={k}>
                    <TextField
                      size="small"
                      type="number"
                      value={draft[r.severity]?.[k] ?? ""}
                      onChange={(e) => setDraft((d) => ({ ...d, [r.severity]: { ...d[r.severity]!, [k]: e.target.value } }))}
                      slotProps={{ htmlInput: { min: 0.25, step: 0.25, "aria-label": `${r.severity} ${k === "ack" ? "acknowledge" : "resolve"} hours` } }}
                    />
                  </TableCell>
                ))}
                <TableCell>
                  <Button onClick={() => void save(r.severity)}>Save</Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};
