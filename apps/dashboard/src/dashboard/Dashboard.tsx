import AccessTimeIcon from "@mui/icons-material/AccessTime";
import { Button, Card, CardContent, Grid, Typography } from "@mui/material";
import { Link } from "react-router-dom";
import { Title, useCanAccess, useGetList } from "react-admin";
import { MySections } from "./MySections";

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

export const Dashboard = () => (
  <Card sx={{ mt: 2 }}>
    <Title title="Gradewatch — Reporting Period 1" />
    <CardContent>
      <Typography variant="h5" gutterBottom>
        Reporting Period 1, 2014-15
      </Typography>
      <Typography variant="body1" sx={{ mb: 2 }}>
        Elementary marks were due Friday, November 7, 2014; after the November 4 outage lost unsaved grades, the deadline was extended to Friday, November 14.
      </Typography>
      <Button component={Link} to="/my-hours" variant="outlined" startIcon={<AccessTimeIcon />} sx={{ mb: 3 }}>
        My hours: log time spent beyond your workday
      </Button>
      <Grid container spacing={2}>
        <Count resource="schools" label="Schools" />
        <Count resource="students" label="Students" />
        <Count resource="employees" label="Staff" />
        <Count resource="marks" label="Marks entered" />
      </Grid>
      <MySections />
    </CardContent>
  </Card>
);
