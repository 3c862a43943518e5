import { Box, Tooltip, Typography } from "@mui/material";
import { Link } from "react-router-dom";
import type { LevelCount } from "../dataProvider/risk";
import { LEVEL_HEX, LEVEL_LABEL, LEVELS_WORST_FIRST, type RiskLevel } from "./levels";

/** The at-risk list with these filters (and the same instant). */
export const riskListPath = (filter: { escId?: string; level?: RiskLevel[]; asOf?: string | null }) => {
  const f = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== null));
  return `/schoolRisks?filter=${encodeURIComponent(JSON.stringify(f))}`;
};

const countOf = (counts: LevelCount[], level: RiskLevel) => counts.find((c) => c.level === level)?.schools ?? 0;

/** Schools per level, worst first, each a way into the list of those schools. */
export function LevelCounts({ counts, escId, asOf, dense = false }: { counts: LevelCount[]; escId?: string; asOf?: string | null; dense?: boolean }) {
  return (
    <Box sx={dense ? { display: "grid", gridTemplateColumns: "1fr 1fr", gap: 1 } : { display: "flex", gap: 1.5, flexWrap: "wrap" }} data-testid="level-counts">
      {LEVELS_WORST_FIRST.map((level) => {
        const n = countOf(counts, level);
        return (
          <Box
            key={level}
            component={Link}
            to={riskListPath({ escId, level: [level], asOf })}
            data-testid={`level-count-${level}`}
            sx={{
              minWidth: dense ? 0 : 120,
              px: dense ? 1 : 2,
              py: dense ? 0.5 : 1,
              borderLeft: 4,
              borderColor: LEVEL_HEX[level],
              bgcolor: n > 0 && (level === "CRITICAL" || level === "AT_RISK") ? `${LEVEL_HEX[level]}14` : "transparent",
              color: "inherit",
              textDecoration: "none",
              borderRadius: 0.5,
              "&:hover, &:focus-visible": { bgcolor: `${LEVEL_HEX[level]}24` },
            }}
          >
            <Typography variant={dense ? "h6" : "h4"} component="span" sx={{ color: n > 0 ? LEVEL_HEX[level] : "text.disabled", lineHeight: 1.2, mr: dense ? 0.75 : 0, display: dense ? "inline" : "block" }}>
              {n}
            </Typography>
            <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: "nowrap" }}>
              {LEVEL_LABEL[level]}
            </Typography>
          </Box>
        );
      })}
    </Box>
  );
}

/** The same counts as one bar split by level, worst on the left. */
export function LevelBar({ counts }: { counts: LevelCount[] }) {
  const total = counts.reduce((n, c) => n + c.schools, 0);
  if (total === 0) return null;
  return (
    <Box sx={{ display: "flex", height: 10, borderRadius: 5, overflow: "hidden", bgcolor: "action.hover" }} aria-hidden>
      {LEVELS_WORST_FIRST.map((level) => {
        const n = countOf(counts, level);
        return n > 0 ? (
          <Tooltip key={level} title={`${n} ${LEVEL_LABEL[level].toLowerCase()}`}>
            <Box sx={{ width: `${(100 * n) / total}%`, bgcolor: LEVEL_HEX[level] }} />
          </Tooltip>
        ) : null;
      })}
    </Box>
  );
}
