import { Button, Stack } from "@mui/material";
import { useState } from "react";
import { useDataProvider, useNotify, useRecordContext, useRefresh } from "react-admin";
import type { dataProvider as provider } from "../dataProvider";
import type { ReportAction, ReportRecord } from "../dataProvider/problemReports";
import { ACTION_LABELS } from "./choices";

/** The workflow moves the signed-in person may make on this report, as buttons; a stale page gets the current state. */
export const ReportActions = ({ only }: { only?: ReportAction[] }) => {
  const record = useRecordContext<ReportRecord>();
  const dp = useDataProvider<typeof provider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const actions = record.allowedActions.filter((a) => !only || only.includes(a));
  if (actions.length === 0) return null;
  const run = async (action: ReportAction) => {
    setBusy(true);
    try {
      await dp.transitionProblemReport(String(record.id), action, record.version);
      notify(`Report ${ACTION_LABELS[action]!.toLowerCase()}: done`, { type: "success" });
    } catch (err) {
      notify((err as Error).message, { type: "error" });
    } finally {
      setBusy(false);
      refresh();
    }
  };
  return (
    <Stack direction="row" spacing={1} onClick={(e) => e.stopPropagation()}>
      {actions.map((a) => (
        <Button key={a} size="small" variant={a === "acknowledge" || a === "resolve" ? "contained" : "outlined"} disabled={busy} onClick={() => run(a)}>
          {ACTION_LABELS[a]}
        </Button>
      ))}
    </Stack>
  );
};
