import { Box, Typography } from "@mui/material";

export function OutageReportFigure({ label, value, tone, testId }: { label: string; value: string | number; tone?: "error" | "success"; testId: string }) {
  return (
    <Box data-testid={testId} sx={{ minWidth: 120, px: 2, py: 1, borderLeft: 3, borderColor: tone ? `${tone}.main` : "divider" }}>
      <Typography variant="h5" component="div" color={tone ? `${tone}.main` : undefined}>
        {value}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
    </Box>
  );
}
