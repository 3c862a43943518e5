import { CircularProgress } from "@mui/material";
import { type ComponentProps, lazy, Suspense } from "react";

// recharts is a quarter of the dashboard's code: it loads with the first chart, never with the first screen.
const BurnUpChart = lazy(() => import("./BurnUpChart").then((m) => ({ default: m.BurnUpChart })));

export const LazyBurnUp = (props: ComponentProps<typeof BurnUpChart>) => (
  <Suspense fallback={<CircularProgress size={24} sx={{ m: 2 }} />}>
    <BurnUpChart {...props} />
  </Suspense>
);
