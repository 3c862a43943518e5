import type { Exporter } from "react-admin";
import type { SchoolRisk } from "../dataProvider/risk";
import { LEVEL_LABEL } from "./levels";

/** The at-risk list as a spreadsheet: every school the filters select, not just the page on screen. */
export const exportSchoolRisks: Exporter = async (records: SchoolRisk[]) => {
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
};
