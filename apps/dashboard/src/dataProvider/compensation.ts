import { request } from "./client";

// Compensation operations that are not list/show/create/update: named methods of the one data provider.

export const COMPENSATION_LOG_FIELDS =
  "id employeeId employeeName employeeNumber schoolId schoolName escId escCode workDate startsAt endsAt minutes countedMinutes category outageId problemReportId description state version adjustsLogId payPeriodId flagged reason submittedAt decidedAt";

export interface CompensationLogInput {
  workDate: string;
  startTime: string;
  endTime: string;
  category: string;
  description: string;
  outageId?: string | null;
  adjustsLogId?: string | null;
}

export interface CompensationSaved {
  log: { id: string; version: number; state: string; countedMinutes: number; minutes: number };
  note: string | null;
  replayed: boolean;
}

export interface CompensationSummary {
  budgetCents: number;
  paidCents: number;
  pendingCents: number;
  groups: { key: string; label: string; logs: number; countedMinutes: number; paidCents: number; pendingCents: number }[];
}

export interface CompensationSettings {
  windowStart: string;
  windowEnd: string;
  dailyCapMinutes: number;
  budgetDollars: number;
  certificatedRateCents: number;
  administratorRateCents: number;
  classifiedRateCents: number;
}

export interface PayPeriod {
  id: string;
  name: string;
  closedAt: string;
  logCount: number;
  totalCents: number;
}

export type CompensationDecision = "certify" | "approve" | "reject";
const DECISION_FIELD: Record<CompensationDecision, string> = { certify: "certifyCompensationLogs", approve: "approveCompensationLogs", reject: "rejectCompensationLogs" };

const operationId = () => crypto.randomUUID();
const SAVED = `note replayed log { id version state countedMinutes minutes }`;
const SETTINGS = "windowStart windowEnd dailyCapMinutes budgetDollars certificatedRateCents administratorRateCents classifiedRateCents";

export const compensationMethods = {
  /** A new draft of the signed-in employee's own time; one operation id, so a retry files it once. */
  async createCompensationLog(input: CompensationLogInput, opId = operationId()): Promise<CompensationSaved> {
    const data = await request<{ r: CompensationSaved }>(
      `mutation($input: CompensationLogInput!, $op: String!) { r: createCompensationLog(input: $input, operationId: $op) { ${SAVED} } }`,
      { input, op: opId },
      true,
    );
    return data.r;
  },
  async updateCompensationLog(id: string, expectedVersion: number, input: CompensationLogInput): Promise<CompensationSaved> {
    const data = await request<{ r: CompensationSaved }>(
      `mutation($id: ID!, $v: Int!, $input: CompensationLogInput!) { r: updateCompensationLog(id: $id, expectedVersion: $v, input: $input) { ${SAVED} } }`,
      { id, v: expectedVersion, input },
      true,
    );
    return data.r;
  },
  async submitCompensationLog(id: string, expectedVersion: number, opId = operationId()): Promise<CompensationSaved> {
    const data = await request<{ r: CompensationSaved }>(
      `mutation($id: ID!, $v: Int!, $op: String!) { r: submitCompensationLog(id: $id, expectedVersion: $v, operationId: $op) { ${SAVED} } }`,
      { id, v: expectedVersion, op: opId },
      true,
    );
    return data.r;
  },
  /** Certifies, approves or rejects the logs at the versions seen, all or none. */
  async decideCompensationLogs(action: CompensationDecision, logs: { id: string; version: number }[], reason?: string): Promise<{ count: number; state: string }> {
    const data = await request<{ r: { count: number; state: string } }>(
      `mutation($input: CompensationDecisionInput!) { r: ${DECISION_FIELD[action]}(input: $input) { count state } }`,
      { input: { ids: logs.map((l) => l.id), versions: logs.map((l) => l.version), ...(reason ? { reason } : {}) } },
      true,
    );
    return data.r;
  },
  async compensationEvidence(id: string) {
    const data = await request<{ r: { evidence: { markChanges: number; firstChangeAt: string | null; lastChangeAt: string | null; sections: string[]; outage: string | null } | null; history: { fromState: string | null; toState: string; reason: string | null; changedAt: string; changedBy: string }[] } }>(
      `query($id: ID!) { r: compensationLog(id: $id) { evidence { markChanges firstChangeAt lastChangeAt sections outage } history { fromState toState reason changedAt changedBy } } }`,
      { id },
    );
    return data.r;
  },
  async compensationSummary(groupBy: "ESC" | "SCHOOL" | "CATEGORY"): Promise<CompensationSummary> {
    const data = await request<{ r: CompensationSummary }>(
      `query($g: CompensationGroup!) { r: compensationSummary(groupBy: $g) { budgetCents paidCents pendingCents groups { key label logs countedMinutes paidCents pendingCents } } }`,
      { g: groupBy },
    );
    return data.r;
  },
  async compensationSettings(): Promise<CompensationSettings> {
    return (await request<{ r: CompensationSettings }>(`{ r: compensationSettings { ${SETTINGS} } }`)).r;
  },
  async updateCompensationSettings(input: Partial<Pick<CompensationSettings, "windowStart" | "windowEnd" | "dailyCapMinutes" | "budgetDollars">>): Promise<CompensationSettings> {
    return (await request<{ r: CompensationSettings }>(`mutation($input: CompensationSettingsInput!) { r: updateCompensationSettings(input: $input) { ${SETTINGS} } }`, { input }, true)).r;
  },
  async payPeriods(): Promise<PayPeriod[]> {
    return (await request<{ r: { items: PayPeriod[] } }>(`{ r: payPeriods(perPage: 50) { items { id name closedAt logCount totalCents } } }`)).r.items;
  },
  /** Closes a pay period with every approved log not yet paid; its files stay the same at every export. */
  async closePayPeriod(opId = operationId()): Promise<PayPeriod> {
    return (await request<{ r: PayPeriod }>(`mutation($op: String!) { r: closePayPeriod(operationId: $op) { id name closedAt logCount totalCents } }`, { op: opId }, true)).r;
  },
};
