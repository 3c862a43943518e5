import { request } from "../dataProvider/client";

export type ImportStatus = "ADDED" | "CHANGED" | "UNCHANGED" | "REJECTED";

export interface ImportLine {
  line: number;
  status: ImportStatus;
  reason: string | null;
  districtStudentId: string | null;
  studentName: string | null;
  gradingItem: string | null;
  oldValue: string | null;
  newValue: string | null;
  oldComment: string | null;
  newComment: string | null;
}

export interface ImportResult {
  dryRun: boolean;
  applied: boolean;
  checksum: string;
  totals: { added: number; changed: number; unchanged: number; rejected: number };
  lines: ImportLine[];
}

const IMPORT = `mutation($sectionId: ID!, $csv: String!, $dryRun: Boolean!, $previewChecksum: String) {
  importMarks(sectionId: $sectionId, csv: $csv, dryRun: $dryRun, previewChecksum: $previewChecksum) {
    dryRun applied checksum totals { added changed unchanged rejected }
    lines { line status reason districtStudentId studentName gradingItem oldValue newValue oldComment newComment }
  }
}`;

/** A dry run (nothing saved) or, with the dry run's checksum, the import itself. */
export async function importMarks(sectionId: string, csv: string, previewChecksum?: string): Promise<ImportResult> {
  const data = await request<{ importMarks: ImportResult }>(IMPORT, { sectionId, csv, dryRun: !previewChecksum, previewChecksum }, true);
  return data.importMarks;
}

export interface RestoreResult {
  status: "SAVED" | "CONFLICT" | "REJECTED";
  reason: string | null;
  replayed: boolean;
  mark: { id: string; version: number; value: string } | null;
}

const RESTORE = `mutation($markId: ID!, $version: Int!, $baseVersion: Int!, $operationId: String!) {
  restoreMark(markId: $markId, version: $version, baseVersion: $baseVersion, operationId: $operationId) { status reason replayed mark { id version value } }
}`;

export async function restoreMark(markId: string, version: number, baseVersion: number): Promise<RestoreResult> {
  const operationId = `restore-${crypto.randomUUID()}`;
  const data = await request<{ restoreMark: RestoreResult }>(RESTORE, { markId, version, baseVersion, operationId }, true);
  return data.restoreMark;
}

export interface MarkChange {
  id: string;
  version: number;
  oldValue: string | null;
  newValue: string;
  newComment: string | null;
  changedById: string;
  changedAt: string;
  source: string;
}

export async function markHistory(markId: string): Promise<MarkChange[]> {
  const data = await request<{ markHistory: MarkChange[] }>(
    `query($markId: ID!) { markHistory(markId: $markId) { id version oldValue newValue newComment changedById changedAt source } }`,
    { markId },
  );
  return data.markHistory;
}
