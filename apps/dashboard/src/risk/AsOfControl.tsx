import HistoryIcon from "@mui/icons-material/History";
import UpdateIcon from "@mui/icons-material/Update";
import { Button, Stack, TextField, Typography } from "@mui/material";
import { useEffect, useState } from "react";
import { toInstant, toWallClock } from "../common/LaDateTimeInput";
import { useDistrictNow } from "../common/useDistrictNow";
import { instantLabel } from "./format";
import { useRiskStreamConnected } from "./riskChanges";

/**
 * "As of": the present on the district clock (live: asked again whenever the server announces a change, and
 * every 30 s) or a past instant typed on
 * Los Angeles clocks, whose answer is a replay from mark times, enrollments, deadlines and extensions.
 */
export function AsOfControl({ value, onChange }: { value: string | null; onChange: (value: string | null) => void }) {
  const now = useDistrictNow();
  const streaming = useRiskStreamConnected();
  // What is being typed, for the value it started from: a new value from outside replaces it.
  const [typing, setTyping] = useState<{ from: string | null; text: string } | null>(null);
  const draft = typing && typing.from === value ? typing.text : value ? toWallClock(value) : "";
  const setDraft = (text: string) => setTyping({ from: value, text });
  const shown = draft || (now ? toWallClock(now.toISOString()) : "");
  const max = now ? toWallClock(now.toISOString()) : undefined;
  const apply = (wallClock: string) => {
    const at = toInstant(wallClock);
    if (!at) return onChange(null);
    // The future has not happened yet: as of a later instant is the present.
    onChange(now && new Date(at) >= now ? null : at);
  };
  // Typing a date segment by segment asks once, when the typing stops.
  useEffect(() => {
    if (!draft || draft === (value ? toWallClock(value) : "")) return;
    const t = setTimeout(() => apply(draft), 700);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft]);
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: "center", flexWrap: "wrap", rowGap: 1 }} data-testid="as-of">
      <TextField
        type="datetime-local"
        label="As of (Los Angeles time)"
        size="small"
        value={shown}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => e.key === "Enter" && draft && apply(draft)}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { max, "data-testid": "as-of-input" } }}
        sx={{ width: 250 }}
      />
      <Button size="small" startIcon={<UpdateIcon />} onClick={() => onChange(null)} disabled={!value}>
        Now
      </Button>
      <Typography variant="body2" color="text.secondary" data-testid="as-of-status">
        {value ? (
          <>
            <HistoryIcon fontSize="inherit" sx={{ verticalAlign: "-2px", mr: 0.5 }} />
            Replay: as things stood on {instantLabel(value)}
          </>
        ) : (
          <>
            Live{now ? ` · district clock ${instantLabel(now)}` : ""} · {streaming ? "updates as changes are saved" : "refreshes every 30 s"}
          </>
        )}
      </Typography>
    </Stack>
  );
}
