import { Box } from "@mui/material";
import { CartesianGrid, ComposedChart, Area, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BurnUpPoint } from "../dataProvider/risk";
import { extendToDeadline } from "./burn-up";
import { count, dayLabel } from "./format";

const shortDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { timeZone: "UTC", month: "short", day: "numeric" });

/**
 * Marks entered by the end of each day, against the straight line from the window's opening to the
 * deadline and the marks expected: a school under the line is behind.
 */
export function BurnUpChart({ points, deadlineDay, today, height = 300 }: { points: BurnUpPoint[]; deadlineDay?: string; today?: string; height?: number }) {
  if (points.length === 0) return null;
  const data = extendToDeadline(points, deadlineDay);
  return (
    <Box sx={{ width: "100%", height }} data-testid="burn-up-chart">
      <ResponsiveContainer>
        <ComposedChart data={data} margin={{ top: 10, right: 24, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tickFormatter={shortDay} tick={{ fontSize: 12 }} minTickGap={12} />
          <YAxis tickFormatter={(v: number) => count(v)} tick={{ fontSize: 12 }} width={64} allowDecimals={false} />
          <Tooltip labelFormatter={(d) => dayLabel(String(d))} formatter={(v) => (v === null || v === undefined ? "—" : count(Number(v)))} />
          <Legend />
          <Area type="monotone" dataKey="entered" name="Entered" stroke="#1976d2" fill="#1976d2" fillOpacity={0.15} strokeWidth={2} isAnimationActive={false} />
          <Line type="linear" dataKey="ideal" name="Straight line to the deadline" stroke="#757575" strokeDasharray="6 4" dot={false} isAnimationActive={false} />
          <Line type="stepAfter" dataKey="expected" name="Expected" stroke="#2e7d32" strokeDasharray="2 3" dot={false} isAnimationActive={false} />
          {today && today !== deadlineDay && <ReferenceLine x={today} stroke="#9e9e9e" label={{ value: "as of", position: "insideTopRight", fontSize: 11, fill: "#616161" }} />}
          {deadlineDay && <ReferenceLine x={deadlineDay} stroke="#d32f2f" label={{ value: "deadline", position: "insideTopRight", fontSize: 11, fill: "#d32f2f" }} />}
        </ComposedChart>
      </ResponsiveContainer>
    </Box>
  );
}
