import { Box } from "@mui/material";
import type { BurnUpPoint } from "../dataProvider/risk";

/** A burn-up in a few pixels, drawn without the chart library: entered (blue) against the straight line (grey). */
export function Sparkline({ points, width = 220, height = 56 }: { points: BurnUpPoint[]; width?: number; height?: number }) {
  if (points.length < 2) return null;
  const top = Math.max(1, ...points.map((p) => Math.max(p.expected, p.entered, p.ideal)));
  const x = (i: number) => (i / (points.length - 1)) * (width - 2) + 1;
  const y = (v: number) => height - 1 - (v / top) * (height - 2);
  const line = (key: "entered" | "ideal") => points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p[key]).toFixed(1)}`).join(" ");
  const area = `${line("entered")} L${x(points.length - 1).toFixed(1)},${height - 1} L1,${height - 1} Z`;
  return (
    <Box component="svg" viewBox={`0 0 ${width} ${height}`} sx={{ width: "100%", height, display: "block" }} role="img" aria-label="Marks entered day by day against the straight line to the deadline">
      <path d={area} fill="#1976d2" fillOpacity={0.12} />
      <path d={line("ideal")} fill="none" stroke="#9e9e9e" strokeDasharray="4 3" strokeWidth={1.5} />
      <path d={line("entered")} fill="none" stroke="#1976d2" strokeWidth={2} />
    </Box>
  );
}
