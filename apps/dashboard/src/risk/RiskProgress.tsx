import { Box, LinearProgress, Typography } from "@mui/material";
import { count, percentLabel } from "./format";
import { LEVEL_COLOR, type RiskLevel } from "./levels";

/** Marks entered against marks expected, as a bar in the level's colour with the numbers under it. */
export const RiskProgress = ({ percent, entered, expected, level, width = 160 }: { percent: number; entered: number; expected: number; level: RiskLevel; width?: number | string }) => (
  <Box sx={{ width, minWidth: 120 }}>
    <LinearProgress
      variant="determinate"
      value={Math.min(100, Math.max(0, percent))}
      color={LEVEL_COLOR[level]}
      sx={{ height: 8, borderRadius: 4 }}
      aria-label={`${percentLabel(percent)} of marks entered`}
    />
    <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5, whiteSpace: "nowrap" }}>
      <b>{percentLabel(percent)}</b> · {count(entered)} of {count(expected)}
    </Typography>
  </Box>
);
