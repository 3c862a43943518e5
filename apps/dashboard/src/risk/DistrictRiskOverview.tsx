import { Alert, Box, Card, CardActionArea, CardContent, CircularProgress, LinearProgress, Typography } from "@mui/material";
import { Title, useDataProvider } from "react-admin";
import { Link } from "react-router-dom";
import type { GradewatchDataProvider } from "../dataProvider";
import type { EscRiskOverview, LevelCount } from "../dataProvider/risk";
import { RiskPageHeader } from "./RiskPageHeader";
import { useAsOfParam, withAsOf } from "./asOfParam";
import { count, percentLabel, plural } from "./format";
import { LevelBar, LevelCounts } from "./LevelCounts";
import { RISK_LEVELS } from "./levels";
import { Sparkline } from "./Sparkline";
import { usePolled } from "./usePolled";

const sumCounts = (escs: EscRiskOverview[]): LevelCount[] =>
  RISK_LEVELS.map((level) => ({ level, schools: escs.reduce((n, e) => n + (e.counts.find((c) => c.level === level)?.schools ?? 0), 0) }));

const EscCard = ({ esc, asOf }: { esc: EscRiskOverview; asOf: string | null }) => {
  const worse = esc.changedSincePreviousSchoolDay.filter((c) => RISK_LEVELS.indexOf(c.to) > RISK_LEVELS.indexOf(c.from)).length;
  const changed = esc.changedSincePreviousSchoolDay.length;
  return (
    <Card sx={{ display: "flex", flexDirection: "column" }} data-testid="esc-card">
      <CardActionArea component={Link} to={withAsOf(`/risk/escs/${esc.esc.id}`, asOf)} sx={{ flex: "0 0 auto" }}>
        <CardContent sx={{ pb: 1 }}>
          <Typography variant="h6" component="h2" noWrap title={esc.esc.name}>
            {esc.esc.name}
          </Typography>
          <Typography variant="h4" component="div" sx={{ mt: 1 }}>
            {percentLabel(esc.percent)}
          </Typography>
          <LinearProgress variant="determinate" value={Math.min(100, esc.percent)} sx={{ height: 8, borderRadius: 4, my: 0.5 }} aria-label={`${percentLabel(esc.percent)} entered`} />
          <Typography variant="caption" color="text.secondary">
            {count(esc.entered)} of {count(esc.expected)} marks
          </Typography>
          <Box sx={{ mt: 1.5 }}>
            <Sparkline points={esc.burnUp} />
          </Box>
        </CardContent>
      </CardActionArea>
      <CardContent sx={{ pt: 1, flex: "1 1 auto" }}>
        <Box sx={{ mb: 1 }}>
          <LevelBar counts={esc.counts} />
        </Box>
        <LevelCounts counts={esc.counts} escId={esc.esc.id} asOf={asOf} dense />
        <Typography variant="body2" sx={{ mt: 1.5, color: worse > 0 ? "error.main" : "text.secondary" }}>
          {changed === 0
            ? "No level changed since the previous school day"
            : `${plural(changed, "school")} changed level since the previous school day${worse > 0 ? `, ${count(worse)} for the worse` : ""}`}
        </Typography>
      </CardContent>
    </Card>
  );
};

/** The district's ESCs side by side: how far each is, its schools per level, its burn-up. */
export const DistrictRiskOverview = () => {
  const dataProvider = useDataProvider<GradewatchDataProvider>();
  const [asOf, setAsOf] = useAsOfParam();
  const { data, error } = usePolled(() => dataProvider.districtRiskOverview(asOf), asOf ?? "now", !asOf);
  const totals = data ? sumCounts(data) : [];
  const expected = data?.reduce((n, e) => n + e.expected, 0) ?? 0;
  const entered = data?.reduce((n, e) => n + e.entered, 0) ?? 0;
  const critical = totals.find((c) => c.level === "CRITICAL")?.schools ?? 0;
  const atRisk = totals.find((c) => c.level === "AT_RISK")?.schools ?? 0;
  return (
    <Box sx={{ mt: 2, mb: 4 }} data-testid="district-risk-overview">
      <Title title="District overview" />
      <RiskPageHeader title={"Elementary marks across the district"} subtitle={data && (
          <span data-testid="district-summary">
            {percentLabel(expected ? (100 * entered) / expected : 100)} entered ({count(entered)} of {count(expected)}) · {plural(critical, "school")} critical, {count(atRisk)} at risk
          </span>
        )} asOf={asOf} onAsOf={setAsOf} />
      {error && (
        <Alert severity={data ? "warning" : "error"} sx={{ mb: 2 }}>
          {data ? `Could not refresh: ${error.message}` : error.message}
        </Alert>
      )}
      {!data ? (
        !error && <CircularProgress size={28} sx={{ m: 2 }} />
      ) : data.length === 0 ? (
        <Alert severity="info">No ESC has elementary schools with marks expected in this reporting period.</Alert>
      ) : (
        <Box sx={{ display: "grid", gap: 2, gridTemplateColumns: { xs: "1fr", sm: "repeat(2, 1fr)", lg: `repeat(${Math.min(data.length, 5)}, 1fr)` } }}>
          {data.map((esc) => (
            <EscCard key={esc.esc.id} esc={esc} asOf={asOf} />
          ))}
        </Box>
      )}
    </Box>
  );
};
