import { Chip, type ChipProps } from "@mui/material";
import { LEVEL_COLOR, LEVEL_LABEL, type RiskLevel } from "./levels";

export const RiskChip = ({ level, size = "small", ...rest }: { level: RiskLevel } & Omit<ChipProps, "color" | "label">) => (
  <Chip
    label={LEVEL_LABEL[level]}
    color={LEVEL_COLOR[level]}
    variant={level === "COMPLETE" || level === "ON_TRACK" ? "outlined" : "filled"}
    size={size}
    data-testid="risk-chip"
    data-level={level}
    sx={{ fontWeight: 600 }}
    {...rest}
  />
);
