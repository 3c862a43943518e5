import { Table, TableBody, TableCell, TableHead, TableRow, TableSortLabel } from "@mui/material";
import { useMemo, useState } from "react";
import { formatDelay, type OutageReportSchool } from "./outage-report-api";

type SortKey = "schoolName" | "escName" | "enteredDuring" | "savedAfter" | "savedDuring" | "medianDelaySeconds" | "maxDelaySeconds" | "missing";

const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: "schoolName", label: "School", numeric: false },
  { key: "escName", label: "ESC", numeric: false },
  { key: "enteredDuring", label: "Entered during", numeric: true },
  { key: "savedAfter", label: "Held, saved after", numeric: true },
  { key: "savedDuring", label: "Saved during", numeric: true },
  { key: "medianDelaySeconds", label: "Median delay", numeric: true },
  { key: "maxDelaySeconds", label: "Longest delay", numeric: true },
  { key: "missing", label: "Missing", numeric: true },
];

/** Per-school rows, sortable by any column; a non-zero that should be zero is shown in red. */
export function OutageReportTable({ rows, maintenance }: { rows: OutageReportSchool[]; maintenance: boolean }) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "savedAfter", desc: true });
  const sorted = useMemo(() => {
    const out = [...rows].sort((a, b) => {
      const x = a[sort.key] ?? -1;
      const y = b[sort.key] ?? -1;
      return typeof x === "string" ? x.localeCompare(String(y)) : (x as number) - (y as number);
    });
    return sort.desc ? out.reverse() : out;
  }, [rows, sort]);
  return (
    <Table size="small" data-testid="outage-report-table">
      <TableHead>
        <TableRow>
          {COLUMNS.map((c) => (
            <TableCell key={c.key} align={c.numeric ? "right" : "left"} sortDirection={sort.key === c.key ? (sort.desc ? "desc" : "asc") : false}>
              <TableSortLabel
                active={sort.key === c.key}
                direction={sort.key === c.key && sort.desc ? "desc" : "asc"}
                onClick={() => setSort({ key: c.key, desc: sort.key === c.key ? !sort.desc : c.numeric })}
              >
                {c.label}
              </TableSortLabel>
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {sorted.map((s) => (
          <TableRow key={s.schoolId}>
            <TableCell>{s.schoolName}</TableCell>
            <TableCell>{s.escName}</TableCell>
            <TableCell align="right">{s.enteredDuring}</TableCell>
            <TableCell align="right">{s.savedAfter}</TableCell>
            <TableCell align="right" sx={maintenance && s.savedDuring > 0 ? { color: "error.main", fontWeight: 600 } : undefined}>
              {s.savedDuring}
            </TableCell>
            <TableCell align="right">{formatDelay(s.medianDelaySeconds)}</TableCell>
            <TableCell align="right">{formatDelay(s.maxDelaySeconds)}</TableCell>
            <TableCell align="right" sx={s.missing > 0 ? { color: "error.main", fontWeight: 600 } : undefined}>
              {s.missing}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
