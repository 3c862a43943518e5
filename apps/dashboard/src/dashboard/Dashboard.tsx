import AccessTimeIcon from "@mui/icons-material/AccessTime";
import { Box, Button, Card, CardContent, CircularProgress, Grid, Typography } from "@mui/material";
import { reachOf } from "@gradewatch/domain/policy";
import { Link, Navigate } from "react-router-dom";
import { Title, useCanAccess, useGetList, usePermissions } from "react-admin";
import type { Role } from "../authProvider";
import { DistrictRiskOverview, SchoolRiskPage } from "../risk";
import { MySections } from "./MySections";
import { MyReports, ReportSummary } from "./ProblemReportsPanel";

/** Every employee's landing page has My hours one click away (issue 11). */
const MyHoursButton = () => (
  <Button component={Link} to="/my-hours" variant="outlined" startIcon={<AccessTimeIcon />} sx={{ mb: 3 }}>
    My hours: log time spent beyond your workday
  </Button>
);

const Count = ({ resource, label }: { resource: string; label: string }) => {
  const { canAccess } = useCanAccess({ resource, action: "list" });
  const { total, isPending } = useGetList(resource, { pagination: { page: 1, perPage: 1 } }, { enabled: !!canAccess });
  if (!canAccess) return null;
  return (
    <Grid size={{ xs: 12, sm: 6, md: 3 }}>
      <Card>
        <CardContent>
          <Typography variant="overline">{label}</Typography>
          <Typography variant="h4" data-testid={`count-${resource}`}>
            {isPending ? "…" : (total ?? 0).toLocaleString("en-US")}
          </Typography>
        </CardContent>
      </Card>
    </Grid>
  );
};

/** The teacher's and HR's landing page: the period, the district's totals, a teacher's own sections. */
const Overview = () => (
  <Card sx={{ mt: 2 }}>
    <Title title="Gradewatch — Reporting Period 1" />
    <CardContent>
      <Typography variant="h5" gutterBottom>
        Reporting Period 1, 2014-15
      </Typography>
      <Typography variant="body1" sx={{ mb: 2 }}>
        Elementary marks were due Friday, November 7, 2014; after the November 4 outage lost unsaved grades, the deadline was extended to Friday, November 14.
      </Typography>
      <MyHoursButton />
      <Grid container spacing={2}>
        <Count resource="schools" label="Schools" />
        <Count resource="students" label="Students" />
        <Count resource="employees" label="Staff" />
        <Count resource="marks" label="Marks entered" />
      </Grid>
      <MyReports />
      <ReportSummary />
      <MySections />
    </CardContent>
  </Card>
);

/** A principal's school: the one school their reach of the risk list holds. */
const MySchoolRisk = () => {
  const { data, isPending } = useGetList<{ id: string }>("schoolRisks", { pagination: { page: 1, perPage: 1 }, sort: { field: "risk", order: "DESC" } });
  if (isPending) return <CircularProgress size={28} sx={{ m: 3 }} />;
  const school = data?.[0];
  if (!school) return <Overview />;
  return (
    <>
      <Box sx={{ mt: 2 }}>
        <MyHoursButton />
        <MyReports />
      </Box>
      <SchoolRiskPage schoolId={String(school.id)} />
    </>
  );
};

/**
 * Where each person lands, by how far they reach with the risk views: a school (a principal) lands on its
 * risk page, an ESC on the at-risk list, the district on the ESCs side by side; anyone who cannot read risk
 * (teachers, HR) on the overview.
 */
export const Dashboard = () => {
  const { permissions, isPending } = usePermissions<Role>();
  if (isPending) return null;
  const reach = permissions ? reachOf(permissions, "risk.read") : "none";
  if (reach === "all") {
    return (
      <>
        <DistrictRiskOverview />
        <Box sx={{ mt: 2 }}>
          <ReportSummary />
        </Box>
      </>
    );
  }
  if (reach === "esc") return <Navigate to="/schoolRisks" replace />;
  if (reach === "school") return <MySchoolRisk />;
  return <Overview />;
};
