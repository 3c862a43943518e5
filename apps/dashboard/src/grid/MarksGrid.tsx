import { checkMark, MARK_SCALE_VALUES } from "@gradewatch/domain";
import { Alert, Box, Button, Chip, CircularProgress, MenuItem, Paper, Stack, TextField, Typography } from "@mui/material";
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Title, useParams } from "react-admin";
import { ConflictDialog } from "./ConflictDialog";
import { defaultPeriod, type GridPeriod, type LoadedGrid, loadGrid } from "./grid-data";
import { describeCell, type Draft, GridCell } from "./GridCell";
import { LeaveWarning } from "./LeaveWarning";
import { summary } from "./outbox-logic";
import type { PendingChange, ServerMark } from "./outbox-store";
import { laDayTime, laTime } from "./time";
import { useOutbox } from "./useOutbox";

const markKey = (periodId: string, studentId: string, itemId: string) => `${periodId}:${studentId}:${itemId}`;

/**
 * The teacher's grid: students as rows, grading items as columns. Every change goes to the durable
 * outbox at once and is sent by itself; there is no Save button.
 */
export const MarksGrid = () => {
  const { id: sectionId = "" } = useParams<{ id: string }>();
  const { box, ops, status } = useOutbox();
  const [grid, setGrid] = useState<LoadedGrid | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [periodId, setPeriodId] = useState<string>("");
  const [server, setServer] = useState<Map<string, ServerMark>>(new Map());
  const [drafts, setDrafts] = useState<Map<string, Draft>>(new Map());
  const [focused, setFocused] = useState<{ row: number; col: number } | null>(null);
  const [conflict, setConflict] = useState<PendingChange | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const [reloads, setReloads] = useState(0);
  const offline = !!grid?.offlineSince;

  // While the grid shows what this device stored, ask the server again now and then, and at once after
  // the outbox got an answer: the stored copy gives way to the server's as soon as it is reachable.
  useEffect(() => {
    if (!offline) return;
    const timer = setInterval(() => setReloads((n) => n + 1), 10_000);
    const stop = box?.onSaved(() => setReloads((n) => n + 1));
    return () => {
      clearInterval(timer);
      stop?.();
    };
  }, [offline, box]);

  // Marks the outbox saved, in order: a load that was under way while they were saved must not put back the
  // older values it read (the cell would say "No mark yet" beside "All changes saved").
  const savedLog = useRef<{ dropped: number; marks: ServerMark[] }>({ dropped: 0, marks: [] });

  useEffect(() => {
    if (!box || !sectionId) return;
    let live = true;
    const from = savedLog.current.dropped + savedLog.current.marks.length;
    loadGrid(box.userId, sectionId)
      .then((loaded) => {
        if (!live) return;
        box.setClockOffset(loaded.clockOffsetMs);
        setGrid(loaded);
        const next = new Map(loaded.data.marks.map((m) => [markKey(m.periodId, m.studentId, m.gradingItemId), m]));
        const log = savedLog.current;
        for (const m of log.marks.slice(Math.max(0, from - log.dropped))) {
          const key = markKey(m.periodId, m.studentId, m.gradingItemId);
          const read = next.get(key);
          if (!read || read.version < m.version) next.set(key, m);
        }
        setServer(next);
        const now = new Date(Date.now() + loaded.clockOffsetMs);
        setPeriodId((p) => p || defaultPeriod(loaded.data.periods, now)?.id || "");
      })
      .catch((err: Error) => live && !reloads && setLoadError(err.message));
    return () => {
      live = false;
    };
  }, [box, sectionId, reloads]);

  useEffect(
    () =>
      box?.onSaved((m) => {
        const log = savedLog.current;
        log.marks.push(m);
        if (log.marks.length > 2000) log.dropped += log.marks.splice(0, 1000).length;
        setServer((prev) => new Map(prev).set(markKey(m.periodId, m.studentId, m.gradingItemId), m));
      }),
    [box],
  );

  const period: GridPeriod | undefined = grid?.data.periods.find((p) => p.id === periodId);
  const sectionOps = useMemo(() => ops.filter((o) => o.sectionId === sectionId), [ops, sectionId]);
  const latestOp = useMemo(() => {
    const byCell = new Map<string, PendingChange>();
    for (const op of [...sectionOps].sort((a, b) => a.seq - b.seq)) byCell.set(markKey(op.periodId, op.studentId, op.gradingItemId), op);
    return byCell;
  }, [sectionOps]);

  const students = grid?.data.students ?? [];
  const items = period?.gradingItems ?? [];

  const focusCell = useCallback((row: number, col: number) => {
    table.current?.querySelector<HTMLInputElement>(`[data-cell="${row}-${col}"]`)?.focus();
  }, []);

  if (loadError) return <Alert severity="error" sx={{ m: 2 }}>{loadError}</Alert>;
  if (!grid || !box) {
    return (
      <Stack direction="row" spacing={1} sx={{ m: 3, alignItems: "center" }}>
        <CircularProgress size={20} /> <span>Loading the class…</span>
      </Stack>
    );
  }
  const { section } = grid.data;

  const type = (row: number, col: number, raw: string) => {
    const student = students[row]!;
    const item = items[col]!;
    const key = markKey(period!.id, student.id, item.id);
    const text = raw.trim().slice(-1);
    if (!text) {
      setDrafts((prev) => new Map(prev).set(key, { text: "", reason: null }));
      return;
    }
    const checked = checkMark(item.scale, text);
    if (!checked.ok) {
      setDrafts((prev) => new Map(prev).set(key, { text, reason: checked.reason }));
      return;
    }
    setDrafts((prev) => {
      const next = new Map(prev);
      next.delete(key);
      return next;
    });
    void box.enqueue({ periodId: period!.id, sectionId, studentId: student.id, gradingItemId: item.id }, checked.value, server.get(key)?.version ?? null);
  };

  const dropDraft = (row: number, col: number) => {
    const key = markKey(period!.id, students[row]!.id, items[col]!.id);
    if (!drafts.get(key)?.reason && drafts.has(key)) {
      setDrafts((prev) => {
        const next = new Map(prev);
        next.delete(key);
        return next;
      });
    }
  };

  const keyDown = (row: number, col: number) => (e: KeyboardEvent<HTMLInputElement>) => {
    const key = markKey(period!.id, students[row]!.id, items[col]!.id);
    const moves: Record<string, [number, number]> = {
      ArrowUp: [row - 1, col],
      ArrowDown: [row + 1, col],
      ArrowLeft: [row, col - 1],
      ArrowRight: [row, col + 1],
    };
    if (e.key === "Enter") {
      const op = latestOp.get(key);
      e.preventDefault();
      if (op?.state === "conflict") return setConflict(op);
      return focusCell(e.shiftKey ? row - 1 : row + 1, col);
    }
    if (e.key === "Escape") {
      setDrafts((prev) => {
        const next = new Map(prev);
        next.delete(key);
        return next;
      });
      return;
    }
    const to = moves[e.key];
    if (to) {
      e.preventDefault();
      focusCell(...to);
    }
  };

  const focusedInfo = (() => {
    if (!focused || !period) return null;
    const student = students[focused.row];
    const item = items[focused.col];
    if (!student || !item) return null;
    const key = markKey(period.id, student.id, item.id);
    const op = latestOp.get(key);
    return { student, item, op, ...describeCell(op, server.get(key), drafts.get(key), status.sending) };
  })();

  // A value off the scale never reaches the outbox, so the header counts it here.
  const refusedHere = [...drafts.values()].filter((d) => d.reason).length;

  const conflictLabel = conflict
    ? `${students.find((s) => s.id === conflict.studentId)?.firstName ?? ""} ${students.find((s) => s.id === conflict.studentId)?.lastName ?? ""} · ${
        items.find((i) => i.id === conflict.gradingItemId)?.name ?? ""
      }`
    : "";

  return (
    <Box sx={{ p: 2 }}>
      <Title title={`Enter marks · ${section.courseName}`} />
      <LeaveWarning unsaved={ops.length} />
      <Stack direction={{ xs: "column", md: "row" }} spacing={2} sx={{ mb: 2, alignItems: { md: "center" } }}>
        <Box sx={{ flex: "1 1 auto", minWidth: 0 }}>
          <Typography variant="h5" component="h1">
            {section.courseName}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {section.school.name} · {section.teacher.fullName} · {students.length} students
          </Typography>
        </Box>
        <TextField select size="small" label="Reporting period" value={periodId} onChange={(e) => setPeriodId(e.target.value)} sx={{ width: 300, flexShrink: 0 }}>
          {grid.data.periods.map((p) => (
            <MenuItem key={p.id} value={p.id}>
              {p.name}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="outlined" href={`/exports/sections/${section.id}/marks.csv`} download sx={{ flexShrink: 0, whiteSpace: "nowrap" }}>
          Download marks (CSV)
        </Button>
      </Stack>

      <Paper variant="outlined" sx={{ p: 1.5, mb: 2, display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap" }}>
        <Chip
          data-testid="save-status"
          color={refusedHere > 0 || sectionOps.some((o) => o.state !== "pending") ? "error" : sectionOps.length === 0 ? "success" : "warning"}
          label={summary(sectionOps, refusedHere)}
        />
        {status.sending && <Typography variant="body2">Sending…</Typography>}
        {period && (
          <Typography variant="body2" color="text.secondary">
            Marks for {period.name} are due by {laDayTime(period.deadlineAt)} (Los Angeles time)
          </Typography>
        )}
      </Paper>
      {status.problem && (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          data-testid="outbox-problem"
          action={
            <Button color="inherit" size="small" onClick={() => box.retryNow()}>
              Try again now
            </Button>
          }
        >
          {status.problem}
        </Alert>
      )}
      {grid.offlineSince && (
        <Alert severity="info" sx={{ mb: 2 }}>
          The server cannot be reached: showing the marks this device stored at {laTime(new Date(new Date(grid.offlineSince).getTime() + grid.clockOffsetMs))}. What
          you type is kept here and sent when the server answers.
        </Alert>
      )}

      {!period ? (
        <Alert severity="info">No reporting period marks {section.level.toLowerCase()} sections yet.</Alert>
      ) : students.length === 0 ? (
        <Alert severity="info">No students are enrolled in this section.</Alert>
      ) : (
        <Paper variant="outlined" sx={{ overflowX: "auto" }}>
          <Box component="table" ref={table} sx={{ borderCollapse: "collapse", width: "100%", fontSize: 14 }} aria-label={`Marks for ${section.courseName}`}>
            <thead>
              <tr>
                <Box component="th" sx={{ textAlign: "left", p: 1, position: "sticky", left: 0, bgcolor: "background.paper", borderBottom: 2, borderColor: "divider", minWidth: 200 }}>
                  Student
                </Box>
                {items.map((item) => (
                  <Box
                    component="th"
                    key={item.id}
                    data-item={item.id}
                    data-scale={MARK_SCALE_VALUES[item.scale].join(" ")}
                    sx={{ p: 1, borderBottom: 2, borderColor: "divider", fontWeight: 600, verticalAlign: "bottom" }}
                    title={item.name}
                  >
                    <div>{item.name}</div>
                    <Typography variant="caption" color="text.secondary">
                      {MARK_SCALE_VALUES[item.scale].join(" ")}
                    </Typography>
                  </Box>
                ))}
              </tr>
            </thead>
            <tbody>
              {students.map((student, row) => (
                <tr key={student.id}>
                  <Box
                    component="th"
                    scope="row"
                    sx={{ textAlign: "left", p: 1, position: "sticky", left: 0, bgcolor: "background.paper", borderBottom: 1, borderColor: "divider", fontWeight: 400, whiteSpace: "nowrap" }}
                  >
                    {student.lastName}, {student.firstName}
                    <Typography variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                      {student.districtStudentId}
                    </Typography>
                  </Box>
                  {items.map((item, col) => {
                    const key = markKey(period.id, student.id, item.id);
                    const op = latestOp.get(key);
                    const draft = drafts.get(key);
                    const mark = server.get(key);
                    const { state, text } = describeCell(op, mark, draft, status.sending);
                    return (
                      <GridCell
                        key={item.id}
                        row={row}
                        col={col}
                        label={`${student.firstName} ${student.lastName}, ${item.name}`}
                        value={draft ? draft.text : (op?.value ?? mark?.value ?? "")}
                        state={state}
                        text={text}
                        focused={focused?.row === row && focused.col === col}
                        onType={(v) => type(row, col, v)}
                        onKeyDown={keyDown(row, col)}
                        onFocus={() => setFocused({ row, col })}
                        onBlur={() => dropDraft(row, col)}
                      />
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </Box>
        </Paper>
      )}

      <Box sx={{ mt: 1.5, minHeight: 40, display: "flex", alignItems: "center", gap: 1 }} data-testid="cell-details" aria-live="polite">
        {focusedInfo ? (
          <>
            <Typography variant="body2">
              <strong>
                {focusedInfo.student.firstName} {focusedInfo.student.lastName} · {focusedInfo.item.name}
              </strong>
              : {focusedInfo.text}
            </Typography>
            {focusedInfo.op?.state === "conflict" && (
              <Button size="small" variant="outlined" onClick={() => setConflict(focusedInfo.op!)}>
                Choose a value
              </Button>
            )}
            {focusedInfo.op?.state === "rejected" && (
              <Button size="small" onClick={() => void box.resolve(focusedInfo.op!.operationId, "theirs")}>
                Discard this change
              </Button>
            )}
          </>
        ) : (
          <Typography variant="body2" color="text.secondary">
            Type a mark in any cell: it is saved by itself. Arrow keys and Enter move between cells; Escape undoes what you are typing.
          </Typography>
        )}
      </Box>

      <ConflictDialog
        op={conflict}
        cellLabel={conflictLabel}
        onClose={() => setConflict(null)}
        onChoose={(choice) => {
          if (conflict) void box.resolve(conflict.operationId, choice);
          setConflict(null);
        }}
      />
    </Box>
  );
};
