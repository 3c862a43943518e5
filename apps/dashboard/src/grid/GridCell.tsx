import { Box, Tooltip } from "@mui/material";
import type { KeyboardEvent } from "react";
import type { PendingChange, ServerMark } from "./outbox-store";
import { laTime } from "./time";

export type CellState = "empty" | "saved" | "pending" | "saving" | "failed" | "conflict" | "invalid";

export interface Draft {
  text: string;
  reason: string | null;
}

/** A cell's state and the sentence that explains it. */
export function describeCell(op: PendingChange | undefined, server: ServerMark | undefined, draft: Draft | undefined, sending: boolean): { state: CellState; text: string } {
  if (draft?.reason) return { state: "invalid", text: draft.reason };
  if (op?.state === "conflict") {
    const t = op.theirs;
    return {
      state: "conflict",
      text: t
        ? `Conflict: you typed ${op.value}, but ${t.enteredBy ?? "someone"} saved ${t.value} at ${laTime(t.updatedAt)}. Press Enter to choose.`
        : `Conflict: ${op.reason ?? "the mark changed since you saw it"}`,
    };
  }
  if (op?.state === "rejected") return { state: "failed", text: `Not saved: ${op.reason ?? "refused by the server"}` };
  if (op) return op.sent && sending ? { state: "saving", text: "Saving…" } : { state: "pending", text: "Not yet saved: kept on this device" };
  if (server) return { state: "saved", text: `Saved at ${laTime(server.updatedAt)}${server.enteredBy ? ` by ${server.enteredBy}` : ""}` };
  return { state: "empty", text: "No mark yet" };
}

const LOOK: Record<CellState, { bg: string; glyph: string; color: string }> = {
  empty: { bg: "transparent", glyph: "", color: "inherit" },
  saved: { bg: "transparent", glyph: "✓", color: "#2e7d32" },
  pending: { bg: "#fff3e0", glyph: "●", color: "#e65100" },
  saving: { bg: "#e3f2fd", glyph: "…", color: "#1565c0" },
  failed: { bg: "#fdecea", glyph: "!", color: "#c62828" },
  conflict: { bg: "#f3e5f5", glyph: "⇄", color: "#6a1b9a" },
  invalid: { bg: "#fdecea", glyph: "✗", color: "#c62828" },
};

export interface GridCellProps {
  row: number;
  col: number;
  label: string;
  value: string;
  state: CellState;
  text: string;
  focused: boolean;
  onType: (value: string) => void;
  onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
  onFocus: () => void;
  onBlur: () => void;
}

/** States whose reason the teacher must read where they look: on the cell, not below the table. */
const REFUSED: ReadonlySet<CellState> = new Set(["invalid", "failed", "conflict"]);

export const GridCell = ({ row, col, label, value, state, text, focused, onType, onKeyDown, onFocus, onBlur }: GridCellProps) => {
  const look = LOOK[state];
  const refused = REFUSED.has(state);
  return (
    <Box component="td" sx={{ p: 0, position: "relative", borderBottom: 1, borderColor: "divider", bgcolor: look.bg }} title={text}>
      <Tooltip
        title={refused ? text : ""}
        open={refused && focused}
        placement="bottom"
        arrow
        describeChild
      >
        <input
          data-cell={`${row}-${col}`}
          data-state={state}
          aria-label={`${label}: ${text}`}
          aria-invalid={state === "invalid" || state === "failed"}
          value={value}
          maxLength={3}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onType(e.target.value)}
          onKeyDown={onKeyDown}
          onFocus={(e) => {
            e.target.select();
            onFocus();
          }}
          onBlur={onBlur}
          style={{
            width: "100%",
            minWidth: 56,
            height: 36,
            border: state === "invalid" ? "2px solid #c62828" : "none",
            background: "transparent",
            textAlign: "center",
            font: "inherit",
            fontWeight: 600,
            textTransform: "uppercase",
            outlineOffset: -2,
          }}
        />
      </Tooltip>
      {look.glyph && (
        <Box component="span" aria-hidden sx={{ position: "absolute", top: 1, right: 4, fontSize: 11, color: look.color, pointerEvents: "none" }}>
          {look.glyph}
        </Box>
      )}
    </Box>
  );
};
