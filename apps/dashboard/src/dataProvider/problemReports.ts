import { request } from "./client";

// The problem reports' operations that are not list/show/create: named methods of the one data provider.

export const PROBLEM_REPORT_FIELDS = `id schoolId school { id name escId } periodId filedById filedBy { id fullName } category severity title description outageId
  sectionIds teacherIds extensionRequestedTo extensionRequestReason extensionSectionId extensionStatus extensionDecisionReason extensionDecidedAt deadlineExtensionId
  state version assigneeId assignee { id fullName } filedAt acknowledgedAt resolvedAt slaDueAt updatedAt allowedActions
  sla { current dueAt overdue paused remainingMinutes acknowledgeTargetMinutes resolveTargetMinutes minutesToAcknowledge }`;

export const PROBLEM_REPORT_DETAIL = `${PROBLEM_REPORT_FIELDS} schoolDeadline
  comments { id body internal createdAt author { id fullName } }
  history { id action fromState toState changedAt changedBy { id fullName } }`;

export type ReportAction = "acknowledge" | "start" | "waitOnSchool" | "resume" | "resolve" | "close" | "reopen";

export interface ReportRecord {
  id: string;
  version: number;
  state: string;
  title: string;
  allowedActions: ReportAction[];
  [key: string]: unknown;
}

export interface Notification {
  id: string;
  reportId: string | null;
  kind: string;
  message: string;
  createdAt: string;
  readAt: string | null;
}

export interface EscReportSummary {
  escId: string;
  escName: string;
  open: number;
  overdue: number;
  medianMinutesToAcknowledge: number | null;
}

export const problemReportMethods = {
  async transitionProblemReport(id: string, action: ReportAction, expectedVersion: number, note?: string) {
    const data = await request<{ r: ReportRecord }>(
      `mutation($id: ID!, $action: ReportAction!, $v: Int!, $note: String) { r: transitionProblemReport(id: $id, action: $action, expectedVersion: $v, note: $note) { ${PROBLEM_REPORT_FIELDS} } }`,
      { id, action, v: expectedVersion, note: note ?? null },
      true,
    );
    return { data: data.r };
  },
  async assignProblemReport(id: string, assigneeId: string | null, expectedVersion: number) {
    const data = await request<{ r: ReportRecord }>(
      `mutation($id: ID!, $to: ID, $v: Int!) { r: assignProblemReport(id: $id, assigneeId: $to, expectedVersion: $v) { ${PROBLEM_REPORT_FIELDS} } }`,
      { id, to: assigneeId, v: expectedVersion },
      true,
    );
    return { data: data.r };
  },
  async commentOnProblemReport(id: string, body: string, internal: boolean) {
    const data = await request<{ r: { id: string } }>(
      `mutation($id: ID!, $body: String!, $internal: Boolean!) { r: commentOnProblemReport(id: $id, body: $body, internal: $internal) { id } }`,
      { id, body, internal },
      true,
    );
    return { data: data.r };
  },
  async decideExtensionRequest(id: string, approve: boolean, reason: string | null, expectedVersion: number) {
    const data = await request<{ r: ReportRecord }>(
      `mutation($id: ID!, $approve: Boolean!, $reason: String, $v: Int!) { r: decideExtensionRequest(id: $id, approve: $approve, reason: $reason, expectedVersion: $v) { ${PROBLEM_REPORT_FIELDS} } }`,
      { id, approve, reason, v: expectedVersion },
      true,
    );
    return { data: data.r };
  },
  async problemReportSummary() {
    return { data: (await request<{ r: EscReportSummary[] }>(`{ r: problemReportSummary { escId escName open overdue medianMinutesToAcknowledge } }`)).r };
  },
  async notifications(perPage = 10) {
    const data = await request<{ count: number; page: { items: Notification[] } }>(
      `query($perPage: Int) { count: unreadNotificationCount page: notifications(perPage: $perPage) { items { id reportId kind message createdAt readAt } } }`,
      { perPage },
    );
    return { data: data.page.items, unread: data.count };
  },
  async markNotificationsRead(ids: string[] | null) {
    return { data: (await request<{ r: number }>(`mutation($ids: [ID!]) { r: markNotificationsRead(ids: $ids) }`, { ids }, true)).r };
  },
};

export interface SlaSettingRow {
  severity: string;
  acknowledgeMinutes: number;
  resolveMinutes: number;
}

export const slaSettingMethods = {
  async slaSettings() {
    return { data: (await request<{ r: SlaSettingRow[] }>(`{ r: slaSettings { severity acknowledgeMinutes resolveMinutes } }`)).r };
  },
  async updateSlaSetting(row: SlaSettingRow) {
    const data = await request<{ r: SlaSettingRow }>(
      `mutation($severity: ReportSeverity!, $ack: Int!, $resolve: Int!) { r: updateSlaSetting(severity: $severity, acknowledgeMinutes: $ack, resolveMinutes: $resolve) { severity acknowledgeMinutes resolveMinutes } }`,
      { severity: row.severity, ack: row.acknowledgeMinutes, resolve: row.resolveMinutes },
      true,
    );
    return { data: data.r };
  },
};

export type ProblemReportMethods = typeof problemReportMethods & typeof slaSettingMethods;
