import type { MarkScale } from "./mark-scales.js";

export type PeriodLevel = "ELEMENTARY" | "SECONDARY";

export interface GradingItemTemplate {
  code: string;
  name: string;
  scale: MarkScale;
}

const CONDUCT: readonly GradingItemTemplate[] = [
  { code: "WORK_HABITS", name: "Work Habits", scale: "EFFORT_ESU" },
  { code: "COOPERATION", name: "Cooperation", scale: "EFFORT_ESU" },
];

/**
 * What a section is marked on in a reporting period, unless the period says otherwise: elementary
 * standards 1-4 in six subjects, secondary one letter mark, and work habits and cooperation E/S/U for both.
 */
export const STANDARD_GRADING_ITEMS: Readonly<Record<PeriodLevel, readonly GradingItemTemplate[]>> = {
  ELEMENTARY: [
    { code: "READING", name: "Reading", scale: "STANDARDS_1_4" },
    { code: "WRITING", name: "Writing", scale: "STANDARDS_1_4" },
    { code: "LISTENING_SPEAKING", name: "Listening and Speaking", scale: "STANDARDS_1_4" },
    { code: "MATHEMATICS", name: "Mathematics", scale: "STANDARDS_1_4" },
    { code: "SCIENCE", name: "Science", scale: "STANDARDS_1_4" },
    { code: "HISTORY_SOCIAL_SCIENCE", name: "History-Social Science", scale: "STANDARDS_1_4" },
    ...CONDUCT,
  ],
  SECONDARY: [{ code: "MARK", name: "Mark", scale: "LETTER_A_F" }, ...CONDUCT],
};
