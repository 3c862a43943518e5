export type MarkScale = "STANDARDS_1_4" | "EFFORT_ESU" | "LETTER_A_F";

export const MARK_SCALE_VALUES: Readonly<Record<MarkScale, readonly string[]>> = {
  STANDARDS_1_4: ["1", "2", "3", "4"],
  EFFORT_ESU: ["E", "S", "U"],
  LETTER_A_F: ["A", "B", "C", "D", "F"],
};

export const MARK_SCALE_LABELS: Readonly<Record<MarkScale, string>> = {
  STANDARDS_1_4: "Standards 1-4",
  EFFORT_ESU: "Effort E/S/U",
  LETTER_A_F: "Letter A-F",
};

export type MarkCheck = { ok: true; value: string } | { ok: false; reason: string };

/** Normalises a typed mark (trims, upper-cases) and checks it is on the item's scale. */
export function checkMark(scale: MarkScale, raw: string): MarkCheck {
  const value = raw.trim().toUpperCase();
  const allowed = MARK_SCALE_VALUES[scale];
  if (allowed.includes(value)) return { ok: true, value };
  return {
    ok: false,
    reason: `"${raw}" is not on the ${MARK_SCALE_LABELS[scale]} scale (allowed: ${allowed.join(", ")})`,
  };
}

/** The scales a typed mark is on, once normalised. */
export function scalesAllowing(raw: string): MarkScale[] {
  return (Object.keys(MARK_SCALE_VALUES) as MarkScale[]).filter((s) => checkMark(s, raw).ok);
}
