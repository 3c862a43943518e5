import EventIcon from "@mui/icons-material/Event";
import { Alert, Button, MenuItem, Stack, TextField } from "@mui/material";
import type React from "react";
import { type FormEvent, useRef, useState } from "react";
import { useDataProvider, useNotify } from "react-admin";
import type { CompletionRow } from "../dataProvider/risk";
import { dayLabel } from "./format";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const WHOLE_SCHOOL = "school";

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Moves one school's (or one section's) deadline later, with the reason. Checked here for what can be
 * told at once (a day after the current deadline, a reason); the server checks again and its refusal is
 * shown as it words it.
 */
export function GrantExtensionForm({
  periodId,
  schoolId,
  currentDeadline,
  sections,
  onGranted,
}: {
  periodId: string;
  schoolId: string;
  currentDeadline: string;
  sections: CompletionRow[];
  onGranted: () => void;
}) {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [extendedTo, setExtendedTo] = useState("");
  const [sectionId, setSectionId] = useState(WHOLE_SCHOOL);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ extendedTo?: string; reason?: string; server?: string }>({});
  const [saving, setSaving] = useState(false);
  // One id per extension being granted: a retry after a lost answer is recognised, not granted twice.
  const operationId = useRef<string>(crypto.randomUUID());
  const earliest = nextDay(currentDeadline);

  const check = () => {
    const out: typeof errors = {};
    if (!extendedTo) out.extendedTo = "Choose the day the marks are now due.";
    else if (!DAY.test(extendedTo)) out.extendedTo = "Write the day as YYYY-MM-DD.";
    else if (extendedTo <= currentDeadline) out.extendedTo = `Choose a day after the current deadline, ${dayLabel(currentDeadline)}.`;
    if (!reason.trim()) out.reason = "Say why: the school and the ESC will read it.";
    return out;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      await dataProvider.create("deadlineExtensions", {
        data: { periodId, schoolId, sectionId: sectionId === WHOLE_SCHOOL ? null : sectionId, extendedTo, reason: reason.trim(), operationId: operationId.current },
      });
      operationId.current = crypto.randomUUID();
      notify(`Extension granted: marks now due ${dayLabel(extendedTo)}${sectionId === WHOLE_SCHOOL ? "" : " for that section"}`, { type: "success" });
      setOpen(false);
      setExtendedTo("");
      setReason("");
      setSectionId(WHOLE_SCHOOL);
      setErrors({});
      onGranted();
    } catch (err) {
      // Refused by the server: nothing was granted, so the next try is a new operation. Unanswered: the same one.
      if ((err as { status?: number }).status !== 0) operationId.current = crypto.randomUUID();
      setErrors({ server: (err as Error).message });
    } finally {
      setSaving(false);
    }
  };

  if (!open)
    return (
      <Button variant="outlined" startIcon={<EventIcon />} onClick={() => setOpen(true)} sx={{ mt: 1 }}>
        Grant extension
      </Button>
    );
  return (
    <Stack
      component="form"
      onSubmit={submit}
      onKeyDown={(e: React.KeyboardEvent) => e.key === "Escape" && !saving && setOpen(false)}
      noValidate
      spacing={2}
      sx={{ mt: 2 }}
      aria-label="Grant extension"
      data-testid="grant-extension"
    >
      <TextField
        type="date"
        label="Marks due on"
        name="extendedTo"
        value={extendedTo}
        onChange={(e) => setExtendedTo(e.target.value)}
        error={!!errors.extendedTo}
        helperText={errors.extendedTo ?? `A day after the current deadline, ${dayLabel(currentDeadline)}`}
        autoFocus
        required
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: earliest } }}
      />
      {sections.length > 0 && (
        <TextField select label="For" name="sectionId" value={sectionId} onChange={(e) => setSectionId(e.target.value)} helperText="The whole school, or one section">
          <MenuItem value={WHOLE_SCHOOL}>The whole school</MenuItem>
          {sections
            .filter((s) => s.section)
            .map((s) => (
              <MenuItem key={s.section!.id} value={s.section!.id}>
                {s.label}
                {s.teacher ? ` (${s.teacher.fullName})` : ""}
              </MenuItem>
            ))}
        </TextField>
      )}
      <TextField
        label="Reason"
        name="reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={!!errors.reason}
        helperText={errors.reason ?? "Why this school needs more time"}
        multiline
        minRows={2}
        required
      />
      {errors.server && (
        <Alert severity="error" data-testid="grant-extension-error">
          {errors.server}
        </Alert>
      )}
      <Stack direction="row" spacing={1}>
        <Button type="submit" variant="contained" disabled={saving}>
          {saving ? "Granting…" : "Grant extension"}
        </Button>
        <Button onClick={() => setOpen(false)} disabled={saving}>
          Cancel
        </Button>
      </Stack>
    </Stack>
  );
}
