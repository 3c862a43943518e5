import {
  Alert,
  Box,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import UploadFileIcon from "@mui/icons-material/UploadFile";
import { useState } from "react";
import { Button, useRefresh, useTranslate } from "react-admin";
import { type ImportLine, type ImportResult, type ImportStatus, importMarks } from "./import-api";

const COLOR: Record<ImportStatus, "success" | "info" | "default" | "error"> = {
  ADDED: "success",
  CHANGED: "info",
  UNCHANGED: "default",
  REJECTED: "error",
};

/** Rejected lines first, then what will change, then the rest: the lines a teacher must read come first. */
const ORDER: Record<ImportStatus, number> = { REJECTED: 0, CHANGED: 1, ADDED: 2, UNCHANGED: 3 };

const show = (v: string | null) => v ?? "—";

function change(l: ImportLine) {
  if (l.status === "REJECTED") return l.newValue ?? "";
  const commentChanged = l.oldComment !== l.newComment;
  const value = l.status === "ADDED" ? show(l.newValue) : l.oldValue === l.newValue ? show(l.newValue) : `${show(l.oldValue)} → ${show(l.newValue)}`;
  return commentChanged && l.newComment ? `${value} (“${l.newComment}”)` : commentChanged ? `${value} (comment removed)` : value;
}

export function ImportTable({ result }: { result: ImportResult }) {
  const t = useTranslate();
  const { totals } = result;
  return (
    <>
      <Stack direction="row" spacing={1} sx={{ mb: 2 }} data-testid="import-totals">
        {(["ADDED", "CHANGED", "UNCHANGED", "REJECTED"] as const).map((s) => {
          const n = totals[s.toLowerCase() as keyof typeof totals];
          return <Chip key={s} color={COLOR[s]} variant={n ? "filled" : "outlined"} label={t(`gradewatch.imports.totals.${s.toLowerCase()}`, { smart_count: n })} />;
        })}
      </Stack>
      {totals.unchanged > 0 && (
        <Typography variant="caption" component="p" sx={{ mb: 1 }}>
          {t("gradewatch.imports.order")}
        </Typography>
      )}
      <TableContainer sx={{ maxHeight: 420 }}>
        <Table size="small" stickyHeader data-testid="import-lines">
          <TableHead>
            <TableRow>
              <TableCell>{t("gradewatch.imports.line")}</TableCell>
              <TableCell>{t("gradewatch.imports.student")}</TableCell>
              <TableCell>{t("gradewatch.imports.item")}</TableCell>
              <TableCell>{t("gradewatch.imports.change")}</TableCell>
              <TableCell>{t("gradewatch.imports.status")}</TableCell>
              <TableCell>{t("gradewatch.imports.reason")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {[...result.lines].sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.line - b.line).map((l) => (
              <TableRow key={l.line}>
                <TableCell>{l.line}</TableCell>
                <TableCell>{l.studentName ?? l.districtStudentId ?? "—"}</TableCell>
                <TableCell>{l.gradingItem ?? "—"}</TableCell>
                <TableCell>{change(l)}</TableCell>
                <TableCell>
                  <Chip size="small" color={COLOR[l.status]} label={t(`gradewatch.imports.statuses.${l.status}`)} />
                </TableCell>
                <TableCell sx={{ maxWidth: 360 }}>{l.reason ?? ""}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
}

/** Choose a CSV, see what it would do (nothing saved yet), then apply exactly that preview. */
export function ImportMarksDialog({ sectionId, open, onClose }: { sectionId: string; open: boolean; onClose: () => void }) {
  const t = useTranslate();
  const refresh = useRefresh();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [applied, setApplied] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setFile(null);
    setPreview(null);
    setApplied(null);
    setError(null);
  };
  const close = () => {
    reset();
    onClose();
  };
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const choose = (f: File | undefined) =>
    f &&
    run(async () => {
      reset();
      const text = await f.text();
      setFile({ name: f.name, text });
      setPreview(await importMarks(sectionId, text));
    });
  const apply = () =>
    run(async () => {
      const result = await importMarks(sectionId, file!.text, preview!.checksum);
      setApplied(result);
      refresh();
    });
  const again = () =>
    run(async () => {
      setPreview(await importMarks(sectionId, file!.text));
    });
  const changes = preview ? preview.totals.added + preview.totals.changed : 0;
  const shown = applied ?? preview;

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="lg" aria-labelledby="import-marks-title">
      <DialogTitle id="import-marks-title">{t("gradewatch.imports.title")}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {t("gradewatch.imports.help")}
        </Typography>
        <Box sx={{ mb: 2, display: "flex", alignItems: "center", gap: 2 }}>
          <Button component="label" variant="outlined" label="gradewatch.imports.choose" disabled={busy}>
            <>
              <UploadFileIcon />
              <input hidden type="file" accept=".csv,text/csv" data-testid="import-file" onChange={(e) => choose(e.target.files?.[0])} />
            </>
          </Button>
          {file && <Typography variant="body2">{file.name}</Typography>}
        </Box>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }} action={file && preview && !applied ? <Button label="gradewatch.imports.preview_again" onClick={again} /> : undefined}>
            {error}
          </Alert>
        )}
        {applied && (
          <Alert severity="success" sx={{ mb: 2 }} data-testid="import-applied">
            {t("gradewatch.imports.applied", { smart_count: applied.totals.added + applied.totals.changed })}
          </Alert>
        )}
        {preview && !applied && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {t("gradewatch.imports.dry_run")}
          </Alert>
        )}
        {shown && <ImportTable result={shown} />}
      </DialogContent>
      <DialogActions>
        <Button label={applied ? "ra.action.close" : "ra.action.cancel"} onClick={close} />
        {preview && !applied && (
          <Button variant="contained" disabled={busy || changes === 0} onClick={apply} label={t("gradewatch.imports.apply", { smart_count: changes })} />
        )}
      </DialogActions>
    </Dialog>
  );
}
