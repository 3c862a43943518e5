import { Box, TextField } from "@mui/material";
import { useState } from "react";
import { useRecordContext } from "react-admin";
import { OutageReport } from "../outages/OutageReport";

/** The report for one night's occurrence; without a date, the latest one that has ended. */
export const MaintenanceWindowReport = () => {
  const record = useRecordContext();
  const [date, setDate] = useState("");
  if (!record) return null;
  return (
    <Box sx={{ px: 2, pb: 2 }}>
      <TextField
        type="date"
        size="small"
        fullWidth={false}
        sx={{ width: 260 }}
        label="Occurrence on"
        value={date}
        onChange={(e) => setDate(e.target.value)}
        helperText={date ? undefined : "Empty: the latest one that has ended"}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { "data-testid": "occurrence-date" } }}
      />
      <OutageReport
        query={{ maintenanceWindowId: String(record.id), ...(date ? { date } : {}) }}
        emptyText="No marks were entered during this maintenance window"
      />
    </Box>
  );
};
