import RestoreIcon from "@mui/icons-material/Restore";
import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { useCallback, useEffect, useState } from "react";
import { Button, ReferenceField, RecordContextProvider, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from "react-admin";
import { type Role, roleMay } from "../authProvider";
import { LA_DATETIME } from "../common/choices";
import { type MarkChange, markHistory, restoreMark } from "../imports/import-api";

const LA = new Intl.DateTimeFormat("en-US", LA_DATETIME);

/** Every saved version of the mark, oldest first, each older one with a button to put its value back. */
export function MarkHistory() {
  const record = useRecordContext<{ id: string; version: number; value: string; comment: string | null }>();
  const t = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions<Role>();
  const [changes, setChanges] = useState<MarkChange[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const markId = record ? String(record.id) : null;
  const version = record?.version;

  const load = useCallback(() => {
    if (!markId) return;
    markHistory(markId)
      .then(setChanges)
      .catch((e: Error) => setError(e.message));
  }, [markId]);
  useEffect(load, [load, version]);

  // A mark loaded before history was kept has no row for its first value; the next change remembers it.
  const rows: (MarkChange & { unrecorded?: boolean })[] = changes ? [...changes] : [];
  const oldest = rows[0];
  if (oldest && oldest.version > 1 && oldest.oldValue !== null) {
    rows.unshift({ id: `before-${oldest.id}`, version: oldest.version - 1, oldValue: null, newValue: oldest.oldValue, newComment: null, changedById: "", changedAt: "", source: "", unrecorded: true });
  }

  if (!record) return null;
  const mayRestore = roleMay(permissions, "marks", "restore");
  const restore = async (change: MarkChange) => {
    setBusy(true);
    try {
      const result = await restoreMark(String(record.id), change.version, record.version);
      if (result.status === "SAVED") notify("gradewatch.history.restored", { type: "success", messageArgs: { version: change.version, value: change.newValue } });
      else notify(result.reason ?? result.status, { type: result.status === "CONFLICT" ? "warning" : "error" });
    } catch (e) {
      notify((e as Error).message, { type: "error" });
    } finally {
      setBusy(false);
      refresh();
    }
  };

  return (
    <div data-testid="mark-history">
      <Typography variant="h6" sx={{ mt: 1, mb: 1 }}>
        {t("gradewatch.history.title")}
      </Typography>
      {error && <Typography color="error">{error}</Typography>}
      {changes && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t("gradewatch.history.version")}</TableCell>
              <TableCell>{t("gradewatch.history.when")}</TableCell>
              <TableCell>{t("gradewatch.history.value")}</TableCell>
              <TableCell>{t("gradewatch.history.comment")}</TableCell>
              <TableCell>{t("gradewatch.history.by")}</TableCell>
              <TableCell>{t("gradewatch.history.source")}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {[...rows].reverse().map((c) => {
              const current = c.version === record.version;
              const same = c.newValue === record.value && (c.unrecorded || (c.newComment ?? null) === (record.comment ?? null));
              return (
                <TableRow key={c.id} selected={current}>
                  <TableCell>
                    {c.version}
                    {current && <Chip size="small" sx={{ ml: 1 }} label={t("gradewatch.history.current")} />}
                  </TableCell>
                  <TableCell>{c.unrecorded ? t("gradewatch.history.unrecorded") : LA.format(new Date(c.changedAt))}</TableCell>
                  <TableCell>{c.oldValue == null ? c.newValue : `${c.oldValue} → ${c.newValue}`}</TableCell>
                  <TableCell>{c.unrecorded ? "" : (c.newComment ?? "—")}</TableCell>
                  <TableCell>
                    {!c.unrecorded && (
                      <RecordContextProvider value={{ id: c.id, changedById: c.changedById }}>
                        <ReferenceField source="changedById" reference="employees" link="show" emptyText="—" />
                      </RecordContextProvider>
                    )}
                  </TableCell>
                  <TableCell>
                    {!c.unrecorded && <Chip size="small" variant="outlined" label={t(`gradewatch.history.sources.${c.source}`, { _: c.source })} />}
                  </TableCell>
                  <TableCell align="right">
                    {mayRestore && !current && !same && (
                      <Button label="gradewatch.history.restore" disabled={busy} onClick={() => restore(c)}>
                        <RestoreIcon />
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
