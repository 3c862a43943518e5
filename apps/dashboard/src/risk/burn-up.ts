import { addDays, isSchoolDay } from "@gradewatch/domain";
import type { BurnUpPoint } from "../dataProvider/risk";

export type ChartPoint = Omit<BurnUpPoint, "entered"> & { entered: number | null };

/**
 * The days ahead up to the deadline, so the straight line reaches it: nothing entered yet, the line going
 * on by school day (flat over weekends and holidays) to the marks expected.
 */
export function extendToDeadline(points: BurnUpPoint[], deadlineDay: string | undefined): ChartPoint[] {
  const last = points.at(-1);
  if (!last || !deadlineDay || deadlineDay <= last.day) return points;
  const ahead: string[] = [];
  for (let d = addDays(last.day, 1); d <= deadlineDay; d = addDays(d, 1)) ahead.push(d);
  const schoolDays = ahead.filter(isSchoolDay).length;
  const step = schoolDays > 0 ? Math.max(0, last.expected - last.ideal) / schoolDays : 0;
  let ideal = last.ideal;
  return [
    ...points,
    ...ahead.map((day) => {
      if (isSchoolDay(day)) ideal += step;
      return { day, entered: null, expected: last.expected, ideal: Math.round(ideal * 10) / 10 };
    }),
  ];
}
