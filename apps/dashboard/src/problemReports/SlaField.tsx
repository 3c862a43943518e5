import { Chip } from "@mui/material";
import { useRecordContext } from "react-admin";
import { type SlaView, slaText } from "./choices";

export const SlaField = (_: { label?: string; source?: string; sortBy?: string }) => {
  const record = useRecordContext<{ sla?: SlaView }>();
  const sla = record?.sla;
  if (!sla) return null;
  const color = sla.current === null ? "success" : sla.overdue ? "error" : sla.paused ? "default" : "info";
  return <Chip size="small" color={color} variant={sla.overdue ? "filled" : "outlined"} label={slaText(sla)} data-testid="sla" />;
};
