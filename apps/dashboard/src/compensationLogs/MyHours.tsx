import { Alert, Box, Button, Card, CardContent, Chip, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from "@mui/material";
import { useState } from "react";
import { Title, useDataProvider, useGetIdentity, useGetList, useNotify, useRefresh } from "react-admin";
import { LA_DATETIME } from "../common/choices";
import type { GradewatchDataProvider } from "../dataProvider";
import { categoryChoices, categoryName, type CompensationLogRecord, hours, span, STATE_COLOR, stateName } from "./format";

const EMPTY = { workDate: "2014-11-04", startTime: "18:00", endTime: "20:00", category: "RE_ENTERING_LOST_DATA", description: "", outageId: "" };

/** Every employee's own extra hours: log them, submit them, and see where each one stands and why. */
export const MyHours = () => {
  const dataProvider = useDataProvider<GradewatchDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { identity } = useGetIdentity();
  const [form, setForm] = useState(EMPTY);
  const [adjusts, setAdjusts] = useState<CompensationLogRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { data = [], isPending } = useGetList<CompensationLogRecord>(
    "compensationLogs",
    { filter: { mine: true }, pagination: { page: 1, perPage: 100 }, sort: { field: "workDate", order: "DESC" } },
    { enabled: !!identity },
  );
  const { data: outages = [] } = useGetList<{ id: string; startsAt: string; description: string }>("outages", {
    filter: { kind: "UNPLANNED" },
    pagination: { page: 1, perPage: 20 },
    sort: { field: "startsAt", order: "DESC" },
  });
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const saved = await dataProvider.createCompensationLog({ ...form, outageId: form.outageId || null, adjustsLogId: adjusts?.id ?? null });
      notify(saved.note ?? `Saved a draft of ${hours(saved.log.countedMinutes)}: submit it when it is right`, { type: "info" });
      setForm(EMPTY);
      setAdjusts(null);
      refresh();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const submit = async (log: CompensationLogRecord) => {
    try {
      await dataProvider.submitCompensationLog(log.id, log.version);
      notify(`Submitted ${hours(log.countedMinutes)} on ${log.workDate} for certification`, { type: "success" });
      refresh();
    } catch (err) {
      notify((err as Error).message, { type: "error" });
    }
  };
  const adjust = (log: CompensationLogRecord) => {
    setAdjusts(log);
    setForm({ ...EMPTY, workDate: log.workDate, category: log.category, description: log.description });
  };

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="My hours" />
      <Card>
        <CardContent>
          <Typography variant="h6">{adjusts ? `Correct log #${adjusts.id} (${adjusts.workDate})` : "Log extra time"}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            Time spent on the outage beyond your regular workday is compensated. Times are Los Angeles time; an end at or before the start is the next day.
          </Typography>
          <Stack direction={{ xs: "column", md: "row" }} spacing={2} sx={{ mb: 2 }}>
            <TextField label="Work date" type="date" value={form.workDate} onChange={set("workDate")} slotProps={{ inputLabel: { shrink: true } }} />
            <TextField label="Start" type="time" value={form.startTime} onChange={set("startTime")} slotProps={{ inputLabel: { shrink: true } }} />
            <TextField label="End" type="time" value={form.endTime} onChange={set("endTime")} slotProps={{ inputLabel: { shrink: true } }} />
            <TextField select label="Category" value={form.category} onChange={set("category")} sx={{ minWidth: 260 }}>
              {categoryChoices.map((c) => (
                <MenuItem key={c.id} value={c.id}>
                  {c.name}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <TextField select label="Related outage" value={form.outageId} onChange={set("outageId")} fullWidth sx={{ mb: 2 }}>
            <MenuItem value="">None</MenuItem>
            {outages.map((o) => (
              <MenuItem key={o.id} value={o.id}>
                {new Date(o.startsAt).toLocaleString("en-US", LA_DATETIME)}: {o.description}
              </MenuItem>
            ))}
          </TextField>
          <TextField label="What did you do?" value={form.description} onChange={set("description")} fullWidth multiline minRows={2} sx={{ mb: 2 }} />
          {error && (
            <Alert severity="error" sx={{ mb: 2 }} data-testid="log-error">
              {error}
            </Alert>
          )}
          <Stack direction="row" spacing={1}>
            <Button variant="contained" onClick={save} disabled={busy || form.description.trim().length < 3}>
              {adjusts ? "Save adjustment" : "Save draft"}
            </Button>
            {adjusts && <Button onClick={() => (setAdjusts(null), setForm(EMPTY))}>Cancel</Button>}
          </Stack>
        </CardContent>
      </Card>
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Typography variant="h6">Your logs</Typography>
          {isPending ? (
            <Typography color="text.secondary">Loading…</Typography>
          ) : data.length === 0 ? (
            <Typography color="text.secondary">You have logged no extra time yet.</Typography>
          ) : (
            <Table size="small" data-testid="my-logs">
              <TableHead>
                <TableRow>
                  <TableCell>Date</TableCell>
                  <TableCell>Time</TableCell>
                  <TableCell>Counted</TableCell>
                  <TableCell>Category</TableCell>
                  <TableCell>Status</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {data.map((log) => (
                  <TableRow key={log.id} data-testid={`my-log-${log.id}`}>
                    <TableCell>{log.workDate}</TableCell>
                    <TableCell>{span(log)}</TableCell>
                    <TableCell>
                      {hours(log.countedMinutes)}
                      {log.countedMinutes < log.minutes && (
                        <Typography variant="caption" component="div" color="text.secondary">
                          of {hours(log.minutes)}: the rest is inside your workday
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>{categoryName(log.category)}</TableCell>
                    <TableCell>
                      <Chip size="small" label={stateName(log.state)} color={STATE_COLOR[log.state]} />
                      {log.adjustsLogId && (
                        <Typography variant="caption" component="div">
                          corrects #{log.adjustsLogId}
                        </Typography>
                      )}
                      {log.reason && (
                        <Typography variant="caption" component="div" color="error">
                          {log.reason}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell align="right">
                      {log.state === "DRAFT" && (
                        <Button size="small" variant="outlined" onClick={() => submit(log)}>
                          Submit
                        </Button>
                      )}
                      {(log.state === "APPROVED" || log.state === "EXPORTED") && (
                        <Button size="small" onClick={() => adjust(log)}>
                          Correct
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
