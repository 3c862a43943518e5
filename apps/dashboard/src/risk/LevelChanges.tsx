import ArrowForwardIcon from "@mui/icons-material/ArrowForward";
import { Stack, Typography } from "@mui/material";
import { Link } from "react-router-dom";
import type { EscRiskOverview } from "../dataProvider/risk";
import { withAsOf } from "./asOfParam";
import { RISK_LEVELS } from "./levels";
import { RiskChip } from "./RiskChip";

/** Schools whose level moved since the end of the previous school day, those that got worse first. */
export function LevelChanges({ changes, asOf }: { changes: EscRiskOverview["changedSincePreviousSchoolDay"]; asOf: string | null }) {
  if (changes.length === 0)
    return (
      <Typography variant="body2" color="text.secondary" data-testid="level-changes-none">
        No school changed level since the previous school day.
      </Typography>
    );
  const worse = (c: (typeof changes)[number]) => RISK_LEVELS.indexOf(c.to) - RISK_LEVELS.indexOf(c.from);
  const sorted = [...changes].sort((a, b) => worse(b) - worse(a) || a.school.name.localeCompare(b.school.name));
  return (
    <Stack spacing={1} data-testid="level-changes">
      {sorted.map((c) => (
        <Stack key={c.school.id} direction="row" spacing={1} sx={{ alignItems: "center", justifyContent: "space-between" }}>
          <Typography variant="body2" component={Link} to={withAsOf(`/schoolRisks/${c.school.id}/show`, asOf)}>
            {c.school.name}
          </Typography>
          <Stack direction="row" spacing={0.5} sx={{ alignItems: "center", flex: "0 0 auto" }}>
            <RiskChip level={c.from} variant="outlined" />
            <ArrowForwardIcon fontSize="small" color="action" aria-label="became" />
            <RiskChip level={c.to} />
          </Stack>
        </Stack>
      ))}
    </Stack>
  );
}
