import ListIcon from "@mui/icons-material/FormatListBulleted";
import { Alert, Box, Button, Card, CardContent, CardHeader, CircularProgress, Grid, Stack, Typography } from "@mui/material";
import { localDate } from "@gradewatch/domain";
import { Title, useDataProvider, useGetList, useGetOne, useRefresh } from "react-admin";
import { Link, useParams } from "react-router-dom";
import type { GradewatchDataProvider } from "../dataProvider";
import type { SchoolRisk } from "../dataProvider/risk";
import { RiskPageHeader } from "./RiskPageHeader";
import { useAsOfParam, withAsOf } from "./asOfParam";
import { count, percentLabel } from "./format";
import { LazyBurnUp } from "./LazyBurnUp";
import { LevelChanges } from "./LevelChanges";
import { LevelCounts, riskListPath } from "./LevelCounts";
import { DaysLeft, TopReasons } from "./RiskCells";
import { RiskChip } from "./RiskChip";
import { RiskProgress } from "./RiskProgress";
import { useRiskChanges } from "./riskChanges";
import { usePolled } from "./usePolled";

/** The ESC's worst schools, the first a director calls. */
const WorstSchools = ({ escId, asOf }: { escId: string; asOf: string | null }) => {
  const refresh = useRefresh();
  useRiskChanges(!asOf, refresh);
  const { data = [], isPending } = useGetList<SchoolRisk>(
    "schoolRisks",
    { filter: { escId, level: ["CRITICAL", "AT_RISK"], ...(asOf ? { asOf } : {}) }, sort: { field: "risk", order: "DESC" }, pagination: { page: 1, perPage: 5 } },
    { refetchInterval: asOf ? false : 30_000 },
  );
  if (isPending) return <CircularProgress size={20} />;
  if (data.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        No school of this ESC is at risk or critical.
      </Typography>
    );
  return (
    <Stack spacing={1.5} data-testid="worst-schools">
      {data.map((r) => (
        <Stack key={r.id} direction={{ xs: "column", sm: "row" }} spacing={2} sx={{ alignItems: { sm: "flex-start" } }}>
          <Box sx={{ width: 230, flex: "0 0 auto" }}>
            <Typography variant="body2" component={Link} to={withAsOf(`/schoolRisks/${r.id}/show`, asOf)} sx={{ fontWeight: 600 }}>
              {r.school.name}
            </Typography>
            <Box sx={{ mt: 0.5 }}>
              <RiskChip level={r.level} />
            </Box>
          </Box>
          <RiskProgress {...r} width={150} />
          <Box sx={{ width: 120, flex: "0 0 auto" }}>
            <DaysLeft risk={r} />
          </Box>
          <TopReasons risk={r} max={1} />
        </Stack>
      ))}
    </Stack>
  );
};

/** One ESC: its burn-up, its schools per level, and which changed level since the previous school day. */
export const EscRiskOverviewPage = () => {
  const { id } = useParams<{ id: string }>();
  const escId = id!;
  const dataProvider = useDataProvider<GradewatchDataProvider>();
  const [asOf, setAsOf] = useAsOfParam();
  const { data, error } = usePolled(() => dataProvider.escRiskOverview(escId, asOf), `${escId}@${asOf ?? "now"}`, !asOf);
  const { data: period } = useGetOne<{ id: string; currentDeadline: string }>("reportingPeriods", { id: data?.periodId ?? "" }, { enabled: !!data });
  return (
    <Box sx={{ mt: 2, mb: 4 }} data-testid="esc-risk-overview">
      <Title title={data ? `${data.esc.name} overview` : "ESC overview"} />
      <RiskPageHeader title={data ? data.esc.name : "…"} subtitle={data && `${percentLabel(data.percent)} of marks entered · ${count(data.entered)} of ${count(data.expected)}`} asOf={asOf} onAsOf={setAsOf} />
      {error && (
        <Alert severity={data ? "warning" : "error"} sx={{ mb: 2 }}>
          {data ? `Could not refresh: ${error.message}` : error.message}
        </Alert>
      )}
      {!data ? (
        !error && <CircularProgress size={28} sx={{ m: 2 }} />
      ) : (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, lg: 8 }}>
            <Stack spacing={2}>
              <Card>
                <CardHeader
                  title="Schools by level"
                  titleTypographyProps={{ variant: "h6" }}
                  action={
                    <Button component={Link} to={riskListPath({ escId, asOf })} startIcon={<ListIcon />}>
                      All schools
                    </Button>
                  }
                  sx={{ pb: 0 }}
                />
                <CardContent>
                  <LevelCounts counts={data.counts} escId={escId} asOf={asOf} />
                </CardContent>
              </Card>
              <Card>
                <CardHeader title="Marks entered, day by day" subheader="All elementary schools of the ESC" titleTypographyProps={{ variant: "h6" }} sx={{ pb: 0 }} />
                <CardContent>
                  <LazyBurnUp points={data.burnUp} deadlineDay={period?.currentDeadline} today={localDate(new Date(data.asOf))} />
                </CardContent>
              </Card>
            </Stack>
          </Grid>
          <Grid size={{ xs: 12, lg: 4 }}>
            <Stack spacing={2}>
              <Card>
                <CardHeader title="Changed level since the previous school day" titleTypographyProps={{ variant: "h6" }} sx={{ pb: 0 }} />
                <CardContent>
                  <LevelChanges changes={data.changedSincePreviousSchoolDay} asOf={asOf} />
                </CardContent>
              </Card>
            </Stack>
          </Grid>
          <Grid size={12}>
            <Card>
              <CardHeader title="Most at risk" titleTypographyProps={{ variant: "h6" }} sx={{ pb: 0 }} />
              <CardContent>
                <WorstSchools escId={escId} asOf={asOf} />
              </CardContent>
            </Card>
          </Grid>
        </Grid>
      )}
    </Box>
  );
};
