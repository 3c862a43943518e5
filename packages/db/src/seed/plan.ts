import { SCHOOL_PEOPLE, SCHOOL_STREETS } from "./names.js";
import { deriveSeed, Random } from "./random.js";

export type SeedScale = "demo" | "lausd";
export type SchoolLevel = "ELEMENTARY" | "MIDDLE" | "HIGH" | "SPAN";
/** How far along a school is with its marks; drives when its teachers finish. */
export type Pace = "AHEAD" | "ON_TRACK" | "BEHIND" | "LAGGARD";

export const ESCS = [
  { code: "NORTH", name: "ESC North" },
  { code: "EAST", name: "ESC East" },
  { code: "SOUTH", name: "ESC South" },
  { code: "WEST", name: "ESC West" },
  { code: "ISIC", name: "Intensive Support and Innovation Center" },
] as const;

interface ScaleConfig {
  schools: Record<SchoolLevel, number>;
  /** Students per school: [min, max] by level. */
  size: Record<SchoolLevel, readonly [number, number]>;
  /** Continuation and small magnet high schools, one high school in five. */
  smallHigh: readonly [number, number];
  directorsPerEsc: number;
  hr: number;
  admins: number;
}

// lausd: ~1,000 schools, ~650,000 students, ~26,000 teachers; demo: the same shape, about 1/80 the size.
const SCALES: Record<SeedScale, ScaleConfig> = {
  demo: {
    schools: { ELEMENTARY: 30, MIDDLE: 3, HIGH: 3, SPAN: 4 },
    size: { ELEMENTARY: [120, 240], MIDDLE: [280, 420], HIGH: [320, 480], SPAN: [90, 160] },
    smallHigh: [80, 150],
    directorsPerEsc: 2,
    hr: 2,
    admins: 1,
  },
  lausd: {
    schools: { ELEMENTARY: 450, MIDDLE: 130, HIGH: 170, SPAN: 250 },
    size: { ELEMENTARY: [250, 800], MIDDLE: [450, 1600], HIGH: [700, 2300], SPAN: [100, 500] },
    smallHigh: [120, 450],
    directorsPerEsc: 6,
    hr: 12,
    admins: 4,
  },
};

export interface SchoolPlan {
  /** Position in the plan; also the school's id offset. */
  index: number;
  locationCode: string;
  name: string;
  level: SchoolLevel;
  escIndex: number;
  pace: Pace;
  /** Students per grade, index 0 (kindergarten) to 12. */
  grades: number[];
  students: number;
  /** The school whose principal and one teacher are the demo logins. */
  demo: boolean;
  /** Multiplies every teacher's hours for marks: computers, class sizes, support at the school. */
  capacity: number;
  /** Its teachers were typing on the afternoon of November 4 when the outage struck. */
  outageHit: boolean;
  /** A roster error locks some of its teachers out from a day (index from October 27) until fixed, or for good (null). */
  rosterError: { from: number; fixedAfter: number | null; teachers: number } | null;
}

export interface DistrictPlan {
  scale: SeedScale;
  config: ScaleConfig;
  schools: SchoolPlan[];
}

const SPAN_RANGES: readonly (readonly [number, number, number])[] = [
  [0, 8, 5], // K-8, the most common span
  [6, 12, 3],
  [0, 12, 2],
];

const PACE_MIX: readonly (readonly [Pace, number])[] = [
  ["AHEAD", 25],
  ["ON_TRACK", 35],
  ["BEHIND", 28],
  ["LAGGARD", 12],
];

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

/** Spreads `count` items over a mix in proportion, deterministically, so small scales still get every kind. */
function apportion<T>(mix: readonly (readonly [T, number])[], count: number, rng: Random): T[] {
  const total = mix.reduce((s, [, w]) => s + w, 0);
  const out: T[] = [];
  for (const [item, w] of mix) for (let i = 0; i < Math.round((count * w) / total); i++) out.push(item);
  while (out.length < count) out.push(mix[out.length % mix.length]![0]);
  return rng.shuffle(out.slice(0, count));
}

function schoolNames(rng: Random): (level: SchoolLevel) => string {
  const stems = new Set<string>(SCHOOL_PEOPLE);
  for (const street of SCHOOL_STREETS) stems.add(`${street} ${rng.pick(["Avenue", "Street", "Boulevard"])}`);
  for (let n = 1; n <= 120; n++) stems.add(`${ordinal(n)} Street`);
  const suffixes: Record<SchoolLevel, readonly string[]> = {
    ELEMENTARY: ["Elementary", "Elementary STEAM Magnet", "Dual Language Elementary"],
    MIDDLE: ["Middle School", "Middle School STEM Academy"],
    HIGH: ["Senior High", "High School Academy"],
    SPAN: ["Span School", "Span School Magnet"],
  };
  const used = new Map<SchoolLevel, number>();
  const orders = new Map<SchoolLevel, string[]>();
  return (level) => {
    let order = orders.get(level);
    if (!order) orders.set(level, (order = rng.shuffle([...stems])));
    const k = used.get(level) ?? 0;
    used.set(level, k + 1);
    const levelSuffixes = suffixes[level];
    const round = Math.floor(k / order.length);
    return `${order[k % order.length]} ${levelSuffixes[round % levelSuffixes.length]}${round >= levelSuffixes.length ? ` ${round + 1}` : ""}`;
  };
}

function gradeCounts(level: SchoolLevel, students: number, rng: Random): number[] {
  let from = 0;
  let to = 5;
  if (level === "MIDDLE") [from, to] = [6, 8];
  else if (level === "HIGH") [from, to] = [9, 12];
  else if (level === "SPAN") [from, to] = rng.weighted(SPAN_RANGES.map(([f, t, w]) => [[f, t] as const, w]));
  const weights: number[] = new Array<number>(13).fill(0);
  // High schools shrink from 9th to 12th grade; elsewhere grades are about even.
  for (let g = from; g <= to; g++) weights[g] = (g >= 9 ? 1.15 - 0.07 * (g - 9) : 1) * rng.range(0.85, 1.15);
  const total = weights.reduce((s, w) => s + w, 0);
  const counts = weights.map((w) => Math.floor((students * w) / total));
  for (let g = from, left = students - counts.reduce((s, c) => s + c, 0); left > 0; left--, g = g === to ? from : g + 1) {
    counts[g]! += 1;
  }
  return counts;
}

export function planDistrict(scale: SeedScale, seed: number): DistrictPlan {
  const config = SCALES[scale];
  const rng = new Random(deriveSeed(seed, 1));
  const levels: SchoolLevel[] = [];
  for (const level of ["ELEMENTARY", "MIDDLE", "HIGH", "SPAN"] as const) {
    for (let i = 0; i < config.schools[level]; i++) levels.push(level);
  }
  // ISIC had about 15% of schools; the four geographic ESCs share the rest.
  const escIndexes = apportion(
    ESCS.map((_, i) => [i, i === 4 ? 15 : 21.25] as const),
    levels.length,
    rng,
  );
  const paces = apportion(PACE_MIX, levels.length, rng);
  const codes = rng.shuffle(Array.from({ length: 9000 }, (_, i) => String(1000 + i)));
  const nameFor = schoolNames(rng);
  const schools = levels.map((level, index): SchoolPlan => {
    const [min, max] = level === "HIGH" && rng.chance(0.2) ? config.smallHigh : config.size[level];
    const students = rng.int(min, max);
    const grades = gradeCounts(level, students, rng);
    return {
      index,
      locationCode: codes[index]!,
      name: nameFor(level),
      level,
      escIndex: escIndexes[index]!,
      pace: paces[index]!,
      grades,
      students,
      demo: false,
      capacity: 1,
      outageHit: false,
      rosterError: null,
    };
  });
  // School circumstances from their own stream, so names, sizes and codes stay as they were.
  const circumstances = new Random(deriveSeed(seed, 4));
  for (const s of schools) {
    s.capacity = circumstances.range(0.7, 1.3);
    s.outageHit = circumstances.chance(0.22);
    s.rosterError = circumstances.chance(0.04)
      ? { from: circumstances.int(3, 14), fixedAfter: circumstances.chance(0.55) ? circumstances.int(2, 6) : null, teachers: circumstances.int(1, 3) }
      : null;
  }
  // The demo logins need an elementary school in ESC North that is neither done nor hopeless.
  const demoSchool = schools.find((s) => s.level === "ELEMENTARY" && s.escIndex === 0) ?? schools.find((s) => s.level === "ELEMENTARY")!;
  demoSchool.demo = true;
  demoSchool.escIndex = 0;
  demoSchool.pace = "ON_TRACK";
  demoSchool.capacity = 1;
  demoSchool.outageHit = false;
  demoSchool.rosterError = null;
  // The demo director's story: another school of ESC North, quick off the mark, has had two teachers locked out
  // by a roster error since October 30, not fixed.
  const lockedOut = schools.find((s) => s.level === "ELEMENTARY" && s.escIndex === 0 && !s.demo);
  if (scale === "demo" && lockedOut) Object.assign(lockedOut, { pace: "AHEAD", rosterError: { from: 3, fixedAfter: null, teachers: 2 } });
  return { scale, config, schools };
}
