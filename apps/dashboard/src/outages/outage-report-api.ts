import { request } from "../dataProvider/client";

export interface OutageReportCounts {
  enteredDuring: number;
  savedAfter: number;
  savedDuring: number;
  medianDelaySeconds: number | null;
  maxDelaySeconds: number | null;
  missing: number;
}

export interface OutageReportSchool extends OutageReportCounts {
  schoolId: string;
  schoolName: string;
  escName: string;
}

export interface OutageReportData {
  kind: "UNPLANNED" | "MAINTENANCE";
  description: string;
  startsAt: string;
  endsAt: string;
  date: string | null;
  marksVisible: boolean;
  schools: OutageReportSchool[];
  totals: OutageReportCounts & { schools: number };
}

const COUNTS = "enteredDuring savedAfter savedDuring medianDelaySeconds maxDelaySeconds missing";
const REPORT = `query($outageId: ID, $maintenanceWindowId: ID, $date: LocalDate) {
  outageReport(outageId: $outageId, maintenanceWindowId: $maintenanceWindowId, date: $date) {
    kind description startsAt endsAt date marksVisible
    schools { schoolId schoolName escName ${COUNTS} }
    totals { schools ${COUNTS} }
  }
}`;

export interface OutageReportQuery {
  outageId?: string;
  maintenanceWindowId?: string;
  date?: string;
}

export async function fetchOutageReport(q: OutageReportQuery): Promise<OutageReportData> {
  return (await request<{ outageReport: OutageReportData }>(REPORT, { ...q })).outageReport;
}

/** "1 h 22 min", "3 min 10 s", "54 s". */
export function formatDelay(seconds: number | null): string {
  if (seconds === null) return "–";
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}`;
  const m = Math.round(s / 60);
  return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ""}`;
}

export async function reportCsv(report: OutageReportData): Promise<string> {
  const { default: Papa } = await import("papaparse");
  return Papa.unparse(
    report.schools.map((s) => ({
      school: s.schoolName,
      esc: s.escName,
      entered_during: s.enteredDuring,
      saved_after: s.savedAfter,
      saved_during: s.savedDuring,
      median_delay_seconds: s.medianDelaySeconds ?? "",
      max_delay_seconds: s.maxDelaySeconds ?? "",
      missing: s.missing,
    })),
  );
}
