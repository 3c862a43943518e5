import type { RiskLevel } from "@gradewatch/domain";
import { request } from "./client";
import { resources } from "./resources";

export type { RiskLevel };

export interface Named {
  id: string;
  fullName: string;
}

export interface RiskReason {
  code: string;
  text: string;
  teachers: Named[];
}

export interface SchoolRisk {
  id: string;
  schoolId: string;
  school: { id: string; name: string; locationCode: string };
  escId: string;
  esc: { id: string; code: string; name: string };
  periodId: string;
  period: { id: string; name: string };
  level: RiskLevel;
  previousLevel: RiskLevel | null;
  expected: number;
  entered: number;
  percent: number;
  remaining: number;
  schoolDaysLeft: number;
  deadlineDay: string;
  deadlineAt: string;
  extendedTo: string | null;
  neededPerDay: number;
  pacePerDay: number;
  projectedFinish: string | null;
  reasons: RiskReason[];
  asOf: string;
}

export interface BurnUpPoint {
  day: string;
  entered: number;
  expected: number;
  ideal: number;
}

export interface CompletionRow {
  id: string;
  label: string;
  teacher: Named | null;
  section: { id: string; courseName: string } | null;
  expected: number;
  entered: number;
  percent: number;
  lastEnteredAt: string | null;
}

export interface DeadlineExtension {
  id: string;
  periodId: string;
  schoolId: string;
  sectionId: string | null;
  section: { id: string; courseName: string } | null;
  extendedTo: string;
  reason: string;
  grantedBy: Named | null;
  createdAt: string;
}

export interface SchoolRiskDetail {
  risk: SchoolRisk;
  byTeacher: CompletionRow[];
  bySection: CompletionRow[];
  burnUp: BurnUpPoint[];
  notStarted: Named[];
  extensions: DeadlineExtension[];
}

export interface LevelCount {
  level: RiskLevel;
  schools: number;
}

export interface EscRiskOverview {
  esc: { id: string; code: string; name: string };
  periodId: string;
  asOf: string;
  expected: number;
  entered: number;
  percent: number;
  counts: LevelCount[];
  burnUp: BurnUpPoint[];
  changedSincePreviousSchoolDay: { school: { id: string; name: string }; from: RiskLevel; to: RiskLevel }[];
}

const RISK = resources.schoolRisks!.fields;
const ROW = "id label teacher { id fullName } section { id courseName } expected entered percent lastEnteredAt";
const BURN_UP = "day entered expected ideal";
const EXTENSION = "id periodId schoolId sectionId section { id courseName } extendedTo reason grantedBy { id fullName } createdAt";
const OVERVIEW = `esc { id code name } periodId asOf expected entered percent counts { level schools } burnUp { ${BURN_UP} }
  changedSincePreviousSchoolDay { school { id name } from to }`;

export async function schoolRiskDetail(schoolId: string, asOf?: string | null): Promise<SchoolRiskDetail> {
  const data = await request<{ detail: SchoolRiskDetail }>(
    `query($schoolId: ID!, $asOf: DateTimeISO) { detail: schoolRiskDetail(schoolId: $schoolId, asOf: $asOf) {
      risk { ${RISK} } byTeacher { ${ROW} } bySection { ${ROW} } burnUp { ${BURN_UP} } notStarted { id fullName } extensions { ${EXTENSION} }
    } }`,
    { schoolId, asOf: asOf ?? null },
  );
  return data.detail;
}

export async function escRiskOverview(escId: string, asOf?: string | null): Promise<EscRiskOverview> {
  const data = await request<{ overview: EscRiskOverview }>(
    `query($escId: ID!, $asOf: DateTimeISO) { overview: escRiskOverview(escId: $escId, asOf: $asOf) { ${OVERVIEW} } }`,
    { escId, asOf: asOf ?? null },
  );
  return data.overview;
}

export async function districtRiskOverview(asOf?: string | null): Promise<EscRiskOverview[]> {
  const data = await request<{ overview: EscRiskOverview[] }>(
    `query($asOf: DateTimeISO) { overview: districtRiskOverview(asOf: $asOf) { ${OVERVIEW} } }`,
    { asOf: asOf ?? null },
  );
  return data.overview;
}

/** The risk views' operations beyond list and show, as named methods of the one data provider. */
export const riskMethods = { schoolRiskDetail, escRiskOverview, districtRiskOverview };
export type RiskMethods = typeof riskMethods;
