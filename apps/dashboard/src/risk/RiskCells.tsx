import { Box, Tooltip, Typography } from "@mui/material";
import type { SchoolRisk } from "../dataProvider/risk";
import { dayLabel, stoppedReason, workingDeadline } from "./format";

/** School days left, and to which day (marked when the school has its own extension). */
export const DaysLeft = ({ risk }: { risk: SchoolRisk }) => (
  <Box>
    <Typography variant="body2" sx={{ fontWeight: 600, whiteSpace: "nowrap", color: risk.schoolDaysLeft <= 1 && risk.level !== "COMPLETE" ? "error.main" : undefined }}>
      {risk.schoolDaysLeft === 0 ? "Deadline passed" : `${risk.schoolDaysLeft} school day${risk.schoolDaysLeft === 1 ? "" : "s"}`}
    </Typography>
    <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: "nowrap" }}>
      to {dayLabel(workingDeadline(risk))}
      {risk.extendedTo ? " (extended)" : ""}
    </Typography>
  </Box>
);

/** The day the school would finish at its recent pace, in red when that is after its deadline. */
export const ProjectedFinish = ({ risk }: { risk: SchoolRisk }) => {
  if (risk.level === "COMPLETE") return <Typography variant="body2">Done</Typography>;
  const stopped = stoppedReason(risk);
  if (stopped)
    return (
      <Tooltip title={`${stopped.text}: no finish day can be projected until they enter marks again`}>
        <Typography variant="body2" sx={{ color: "error.main", fontWeight: 600, whiteSpace: "nowrap" }}>
          Not while stopped
        </Typography>
      </Tooltip>
    );
  if (!risk.projectedFinish && risk.pacePerDay > 0) return <Typography variant="body2">—</Typography>;
  if (!risk.projectedFinish)
    return (
      <Tooltip title="No marks entered over the last school days, so no finish can be projected">
        <Typography variant="body2" sx={{ color: "error.main" }}>
          No pace yet
        </Typography>
      </Tooltip>
    );
  const late = risk.projectedFinish > workingDeadline(risk);
  return (
    <Typography variant="body2" sx={{ fontWeight: late ? 600 : undefined, color: late ? "error.main" : undefined }}>
      {dayLabel(risk.projectedFinish)}
      {late ? " (late)" : ""}
    </Typography>
  );
};

/** The first reasons, most important first; the school page has them all. */
export const TopReasons = ({ risk, max = 2 }: { risk: SchoolRisk; max?: number }) => (
  <Box component="ul" sx={{ m: 0, pl: 2, minWidth: 240, maxWidth: 460 }} data-testid="top-reasons">
    {risk.reasons.slice(0, max).map((r) => (
      <Typography component="li" variant="body2" key={r.code + r.text}>
        {r.text}
      </Typography>
    ))}
    {risk.reasons.length > max && (
      <Typography component="li" variant="caption" color="text.secondary" sx={{ listStyle: "none" }}>
        and {risk.reasons.length - max} more
      </Typography>
    )}
  </Box>
);
