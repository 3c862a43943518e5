import { Box, Typography } from "@mui/material";
import type { ReactNode } from "react";
import { AsOfControl } from "./AsOfControl";

/** A risk view's heading, what it is about, and the "as of" control under them. */
export const RiskPageHeader = ({ title, subtitle, asOf, onAsOf }: { title: ReactNode; subtitle?: ReactNode; asOf: string | null; onAsOf: (asOf: string | null) => void }) => (
  <Box sx={{ mb: 2 }}>
    <Typography variant="h5" component="h1">
      {title}
    </Typography>
    {subtitle && (
      <Typography variant="body2" color="text.secondary" component="div">
        {subtitle}
      </Typography>
    )}
    <Box sx={{ mt: 1.5 }}>
      <AsOfControl value={asOf} onChange={onAsOf} />
    </Box>
  </Box>
);
