import { Alert, Box, Button, Card, CardContent, Grid, LinearProgress, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from "@mui/material";
import { useEffect, useState } from "react";
import { Title, useCanAccess, useDataProvider, useNotify } from "react-admin";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { LA_DATETIME } from "../common/choices";
import type { GradewatchDataProvider } from "../dataProvider";
import type { CompensationSummary, PayPeriod } from "../dataProvider/compensation";
import { categoryName, money } from "./format";

type Group = "ESC" | "SCHOOL" | "CATEGORY";
const GROUPS: { id: Group; title: string }[] = [
  { id: "ESC", title: "By ESC" },
  { id: "CATEGORY", title: "By category" },
  { id: "SCHOOL", title: "Schools with the most" },
];

const Chart = ({ summary, group }: { summary: CompensationSummary; group: Group }) => {
  const data = summary.groups.map((g) => ({ name: group === "CATEGORY" ? categoryName(g.label) : g.label, Paid: g.paidCents / 100, Pending: g.pendingCents / 100, hours: g.countedMinutes / 60 }));
  return (
    <ResponsiveContainer width="100%" height={group === "SCHOOL" ? 420 : 260}>
      <BarChart data={data} layout="vertical" margin={{ left: 24, right: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" tickFormatter={(v: number) => (v >= 1000 ? `$${(v / 1000).toLocaleString("en-US", { maximumFractionDigits: 1 })}k` : `$${v}`)} />
        <YAxis type="category" dataKey="name" width={group === "SCHOOL" ? 220 : 180} tick={{ fontSize: 12 }} interval={0} />
        <Tooltip formatter={(v) => money(Number(v) * 100)} />
        <Legend />
        <Bar dataKey="Paid" stackId="cost" fill="#2e7d32" />
        <Bar dataKey="Pending" stackId="cost" fill="#90caf9" />
      </BarChart>
    </ResponsiveContainer>
  );
};

/** Totals by ESC, school and category, the cost so far against HR's budget, and the payroll export. */
export const CompensationTotals = () => {
  const dataProvider = useDataProvider<GradewatchDataProvider>();
  const notify = useNotify();
  const { canAccess: mayExport } = useCanAccess({ resource: "payPeriods", action: "export" });
  const [summaries, setSummaries] = useState<Partial<Record<Group, CompensationSummary>>>({});
  const [periods, setPeriods] = useState<PayPeriod[]>([]);
  const [budget, setBudget] = useState("");
  const [tick, setTick] = useState(0);
  const load = () => setTick((t) => t + 1);
  useEffect(() => {
    let live = true;
    void Promise.all(GROUPS.map(async (g) => [g.id, await dataProvider.compensationSummary(g.id)] as const)).then((all) => live && setSummaries(Object.fromEntries(all)));
    if (mayExport) void dataProvider.payPeriods().then((p) => live && setPeriods(p));
    return () => {
      live = false;
    };
  }, [dataProvider, mayExport, tick]);
  const total = summaries.ESC;
  const spent = total ? total.paidCents : 0;
  const exportPeriod = async () => {
    try {
      const p = await dataProvider.closePayPeriod();
      notify(`${p.name}: ${p.logCount} logs, ${money(p.totalCents)}`, { type: "success" });
      load();
    } catch (err) {
      notify((err as Error).message, { type: "warning" });
    }
  };
  const saveBudget = async () => {
    await dataProvider.updateCompensationSettings({ budgetDollars: Number(budget) });
    setBudget("");
    load();
  };
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="Compensation totals" />
      <Card>
        <CardContent>
          <Typography variant="h6">Cost so far</Typography>
          {total ? (
            <>
              <Typography data-testid="cost-so-far">
                {money(spent)} approved of a {money(total.budgetCents)} budget ({total.budgetCents ? Math.round((spent / total.budgetCents) * 100) : 0}%); {money(total.pendingCents)} more waiting for a decision.
              </Typography>
              <LinearProgress variant="buffer" value={Math.min(100, (spent / Math.max(1, total.budgetCents)) * 100)} valueBuffer={Math.min(100, ((spent + total.pendingCents) / Math.max(1, total.budgetCents)) * 100)} sx={{ my: 1, height: 10 }} />
              {spent + total.pendingCents > total.budgetCents && <Alert severity="warning">Approved and pending claims together exceed the budget.</Alert>}
            </>
          ) : (
            <Typography color="text.secondary">Loading…</Typography>
          )}
          {mayExport && (
            <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: "center" }}>
              <TextField size="small" label="Budget (dollars)" type="number" value={budget} onChange={(e) => setBudget(e.target.value)} />
              <Button variant="outlined" onClick={saveBudget} disabled={!budget}>
                Set budget
              </Button>
              <Box sx={{ flex: 1 }} />
              <Button variant="contained" onClick={exportPeriod}>
                Close pay period and export
              </Button>
            </Stack>
          )}
        </CardContent>
      </Card>
      <Grid container spacing={2} sx={{ mt: 0 }}>
        {GROUPS.map((g) => (
          <Grid key={g.id} size={{ xs: 12, lg: g.id === "SCHOOL" ? 12 : 6 }}>
            <Card>
              <CardContent>
                <Typography variant="h6">{g.title}</Typography>
                {summaries[g.id] ? <Chart summary={summaries[g.id]!} group={g.id} /> : <Typography color="text.secondary">Loading…</Typography>}
              </CardContent>
            </Card>
          </Grid>
        ))}
      </Grid>
      {mayExport && (
        <Card sx={{ mt: 2 }}>
          <CardContent>
            <Typography variant="h6">Pay periods</Typography>
            {periods.length === 0 ? (
              <Typography color="text.secondary">No pay period has been closed yet.</Typography>
            ) : (
              <Table size="small" data-testid="pay-periods">
                <TableHead>
                  <TableRow>
                    <TableCell>Period</TableCell>
                    <TableCell>Closed</TableCell>
                    <TableCell>Logs</TableCell>
                    <TableCell>Amount</TableCell>
                    <TableCell>Files</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {periods.map((p) => (
                    <TableRow key={p.id}>
                      <TableCell>{p.name}</TableCell>
                      <TableCell>{new Date(p.closedAt).toLocaleString("en-US", LA_DATETIME)}</TableCell>
                      <TableCell>{p.logCount}</TableCell>
                      <TableCell>{money(p.totalCents)}</TableCell>
                      <TableCell>
                        <Link href={`/exports/pay-periods/${p.id}/summary.csv`}>Summary CSV</Link> · <Link href={`/exports/pay-periods/${p.id}/detail.csv`}>Detail CSV</Link>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
      )}
    </Box>
  );
};
