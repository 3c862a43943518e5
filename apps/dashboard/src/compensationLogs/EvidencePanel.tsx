import { Box, Chip, Stack, Typography } from "@mui/material";
import { useEffect, useState } from "react";
import { useDataProvider, useRecordContext } from "react-admin";
import { LA_DATETIME } from "../common/choices";
import type { GradewatchDataProvider } from "../dataProvider";
import { type CompensationLogRecord, stateName } from "./format";

type Loaded = Awaited<ReturnType<GradewatchDataProvider["compensationEvidence"]>>;
const at = (iso: string | null) => (iso ? new Date(iso).toLocaleString("en-US", LA_DATETIME) : "—");

/** Beside each claim: what the system recorded of the employee in its span (counts and times only), and every step it took. */
export const EvidencePanel = () => {
  const record = useRecordContext<CompensationLogRecord>();
  const dataProvider = useDataProvider<GradewatchDataProvider>();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    if (record) void dataProvider.compensationEvidence(String(record.id)).then(setLoaded);
  }, [record, dataProvider]);
  if (!record) return null;
  if (!loaded) return <Typography color="text.secondary">Loading evidence…</Typography>;
  const e = loaded.evidence;
  return (
    <Box sx={{ p: 1 }} data-testid={`evidence-${record.id}`}>
      <Typography variant="subtitle2">In the claimed span</Typography>
      {e && e.markChanges > 0 ? (
        <Typography variant="body2">
          {e.markChanges} mark{e.markChanges === 1 ? "" : "s"} entered or changed, from {at(e.firstChangeAt)} to {at(e.lastChangeAt)}, in {e.sections.join(", ")}
        </Typography>
      ) : (
        <Typography variant="body2" color="warning.main">
          No activity recorded in the system: some work leaves no trace, so the claim is flagged, not refused.
        </Typography>
      )}
      {e?.outage && <Typography variant="body2">Related outage: {e.outage}</Typography>}
      <Typography variant="body2" sx={{ mt: 1 }}>
        {record.description}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: "wrap" }}>
        {loaded.history.map((h, i) => (
          <Chip
            key={i}
            size="small"
            variant="outlined"
            label={`${h.fromState ? `${stateName(h.fromState)} → ` : ""}${stateName(h.toState)} · ${h.changedBy} · ${at(h.changedAt)}${h.reason ? ` · ${h.reason}` : ""}`}
          />
        ))}
      </Stack>
    </Box>
  );
};
