import { type MarkScale, zonedInstant } from "@gradewatch/domain";
import { request } from "../dataProvider/client";
import { loadSnapshot, saveSnapshot, type ServerMark } from "./outbox-store";

export interface GridItem {
  id: string;
  code: string;
  name: string;
  scale: MarkScale;
  position: number;
}
export interface GridPeriod {
  id: string;
  name: string;
  level: string;
  windowOpensOn: string;
  /** The section's effective deadline: the period's, or its school's or its own extension. */
  deadlineAt: string;
  gradingItems: GridItem[];
}
export interface GridStudent {
  id: string;
  districtStudentId: string;
  firstName: string;
  lastName: string;
}
export interface GridData {
  serverNow: string;
  section: { id: string; courseName: string; gradeLevel: number; level: string; school: { name: string }; teacher: { fullName: string } };
  periods: GridPeriod[];
  students: GridStudent[];
  marks: ServerMark[];
}

const GRID = `query Grid($id: ID!) {
  districtClock { now }
  section(id: $id) { id courseName gradeLevel level school { name } teacher { fullName } }
  reportingPeriods(perPage: 100, sortField: "windowOpensOn", sortOrder: DESC) {
    items { id name level windowOpensOn deadlineAt: effectiveDeadlineAt(sectionId: $id) gradingItems { id code name scale position } }
  }
  students(filter: { sectionId: $id }, perPage: 500, sortField: "lastName", sortOrder: ASC) {
    items { id districtStudentId firstName lastName }
  }
}`;

const MARKS = `query GridMarks($sectionId: ID!, $page: Int!) {
  marks(filter: { sectionId: $sectionId }, page: $page, perPage: 500) {
    total
    items { id periodId studentId gradingItemId value version updatedAt enteredBy { fullName } }
  }
}`;

type RawMark = Omit<ServerMark, "enteredBy"> & { enteredBy: { fullName: string } | null };

async function fetchGrid(sectionId: string): Promise<GridData> {
  const d = await request<{
    districtClock: { now: string };
    section: GridData["section"];
    reportingPeriods: { items: GridPeriod[] };
    students: { items: GridStudent[] };
  }>(GRID, { id: sectionId });
  const marks: ServerMark[] = [];
  for (let page = 1; ; page++) {
    const m = await request<{ marks: { total: number; items: RawMark[] } }>(MARKS, { sectionId, page });
    marks.push(...m.marks.items.map((x) => ({ ...x, enteredBy: x.enteredBy?.fullName ?? null })));
    if (marks.length >= m.marks.total || m.marks.items.length === 0) break;
  }
  return {
    serverNow: d.districtClock.now,
    section: d.section,
    periods: d.reportingPeriods.items
      .filter((p) => p.level === d.section.level)
      .map((p) => ({ ...p, gradingItems: [...p.gradingItems].sort((a, b) => a.position - b.position) })),
    students: d.students.items,
    marks,
  };
}

export interface LoadedGrid {
  data: GridData;
  /** Set when the server could not be reached and the grid shows what this device stored. */
  offlineSince: string | null;
  /** Server clock minus this device's clock, in ms. */
  clockOffsetMs: number;
}

/** The grid from the server, remembered on this device so that it opens without a network. */
export async function loadGrid(userId: string, sectionId: string): Promise<LoadedGrid> {
  const key = `${userId}:${sectionId}`;
  try {
    const started = Date.now();
    const data = await fetchGrid(sectionId);
    const clockOffsetMs = new Date(data.serverNow).getTime() - started;
    await saveSnapshot(key, { data, clockOffsetMs }).catch(() => undefined);
    return { data, offlineSince: null, clockOffsetMs };
  } catch (err) {
    const status = (err as { status?: number }).status;
    if (status !== 0 && status !== 503) throw err;
    const stored = await loadSnapshot(key);
    if (!stored) throw err;
    const { data, clockOffsetMs } = stored.data as { data: GridData; clockOffsetMs: number };
    return { data, offlineSince: stored.storedAt, clockOffsetMs };
  }
}

/** The period to open first: the one whose marking window is open now, else the latest. */
export function defaultPeriod(periods: GridPeriod[], now: Date): GridPeriod | undefined {
  const opens = (p: GridPeriod) => zonedInstant(p.windowOpensOn, "00:00");
  const open = periods.find((p) => opens(p) <= now && now <= new Date(p.deadlineAt));
  return open ?? periods.find((p) => opens(p) <= now) ?? periods[0];
}

/** Keeps the stored grid in step with what the server acknowledged, so that it opens right offline. */
export async function rememberSaved(userId: string, sectionId: string, saved: ServerMark[]): Promise<void> {
  const key = `${userId}:${sectionId}`;
  const stored = await loadSnapshot(key);
  if (!stored) return;
  const value = stored.data as { data: GridData; clockOffsetMs: number };
  const byKey = new Map(value.data.marks.map((m) => [`${m.periodId}:${m.studentId}:${m.gradingItemId}`, m]));
  for (const m of saved) byKey.set(`${m.periodId}:${m.studentId}:${m.gradingItemId}`, m);
  await saveSnapshot(key, { ...value, data: { ...value.data, marks: [...byKey.values()] } });
}
