import type { DataProvider } from "react-admin";
import type { SchoolRisk } from "../dataProvider/risk";
import { LEVEL_LABEL } from "./levels";

/** The API's largest page: a list longer than that is read page by page. */
const PAGE = 500;

/** Every school the filters select, in the list's order, not just the page on screen. */
export async function allSchoolRisks(dataProvider: DataProvider, filter: object, sort: { field: string; order: "ASC" | "DESC" }): Promise<SchoolRisk[]> {
  const out: SchoolRisk[] = [];
  for (let page = 1; ; page++) {
    const { data, total = 0 } = await dataProvider.getList<SchoolRisk>("schoolRisks", { filter, sort, pagination: { page, perPage: PAGE } });
    out.push(...data);
    if (data.length < PAGE || out.length >= total) return out;
  }
}

/** The at-risk list as a spreadsheet. */
export async function downloadSchoolRisks(records: SchoolRisk[]) {
  const { default: Papa } = await import("papaparse");
  const csv = Papa.unparse(
    records.map((r) => ({
      school: r.school.name,
      location_code: r.school.locationCode,
      esc: r.esc.name,
      level: LEVEL_LABEL[r.level],
      previous_level: r.previousLevel ? LEVEL_LABEL[r.previousLevel] : "",
      percent_entered: r.percent,
      entered: r.entered,
      expected: r.expected,
      remaining: r.remaining,
      school_days_left: r.schoolDaysLeft,
      deadline: r.extendedTo ?? r.deadlineDay,
      extended: r.extendedTo ? "yes" : "no",
      needed_per_day: Math.round(r.neededPerDay),
      pace_per_day: Math.round(r.pacePerDay),
      projected_finish: r.projectedFinish ?? "",
      reasons: r.reasons.map((x) => x.text).join("; "),
      as_of: r.asOf,
    })),
  );
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  a.download = `schools-at-risk-${(records[0]?.asOf ?? new Date().toISOString()).slice(0, 16).replace(":", "")}.csv`;
  a.click();
  URL.revokeObjectURL(a.href);
}
