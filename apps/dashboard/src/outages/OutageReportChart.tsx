import { Box } from "@mui/material";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { OutageReportSchool } from "./outage-report-api";

/** The 20 schools with the most changes held on devices, as horizontal bars. */
export function OutageReportChart({ rows }: { rows: OutageReportSchool[] }) {
  const data = [...rows].filter((s) => s.enteredDuring > 0).sort((a, b) => b.savedAfter - a.savedAfter).slice(0, 20);
  if (data.length === 0) return null;
  return (
    <Box sx={{ width: "100%", height: 60 + 28 * data.length }} data-testid="outage-report-chart">
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ left: 16, right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="schoolName" width={230} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip />
          <Legend />
          <Bar dataKey="savedAfter" name="Held on the device, saved after" fill="#1976d2" />
          {data.some((s) => s.savedDuring > 0) && <Bar dataKey="savedDuring" name="Saved during" fill="#d32f2f" />}
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}
