import { localDate } from "@gradewatch/domain";
import { Alert, Box, Card, CardContent, CardHeader, Chip, CircularProgress, Grid, Stack, Tab, Tabs, Typography } from "@mui/material";
import { useState } from "react";
import { Title, useCanAccess, useDataProvider } from "react-admin";
import { Link, useParams } from "react-router-dom";
import type { GradewatchDataProvider } from "../dataProvider";
import type { SchoolRiskDetail } from "../dataProvider/risk";
import { RiskPageHeader } from "./RiskPageHeader";
import { useAsOfParam, withAsOf } from "./asOfParam";
import { CompletionTable } from "./CompletionTable";
import { count, dayLabel, instantLabel, plural, stoppedReason, workingDeadline } from "./format";
import { GrantExtensionForm } from "./GrantExtensionForm";
import { LazyBurnUp } from "./LazyBurnUp";
import { LEVEL_LABEL } from "./levels";
import { RiskChip } from "./RiskChip";
import { RiskProgress } from "./RiskProgress";
import { usePolled } from "./usePolled";

const Figure = ({ label, value, tone, testId }: { label: string; value: string; tone?: "error.main" | "success.main"; testId?: string }) => (
  <Box sx={{ minWidth: 96, pl: 1.5, borderLeft: 3, borderColor: "divider" }} data-testid={testId}>
    <Typography variant="h6" component="div" sx={{ color: tone }}>
      {value}
    </Typography>
    <Typography variant="caption" color="text.secondary">
      {label}
    </Typography>
  </Box>
);

const Summary = ({ detail }: { detail: SchoolRiskDetail }) => {
  const r = detail.risk;
  const deadline = workingDeadline(r);
  const late = !!r.projectedFinish && r.projectedFinish > deadline;
  const stopped = stoppedReason(r);
  return (
    <Card>
      <CardContent>
        <Stack direction={{ xs: "column", md: "row" }} spacing={3} sx={{ alignItems: { md: "center" } }}>
          <Box sx={{ flex: "0 0 auto" }}>
            <RiskChip level={r.level} size="medium" sx={{ fontSize: 16, px: 1, fontWeight: 700 }} />
            {r.previousLevel && r.previousLevel !== r.level && (
              <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5 }} data-testid="previous-level">
                was {LEVEL_LABEL[r.previousLevel].toLowerCase()} the previous school day
              </Typography>
            )}
          </Box>
          <RiskProgress percent={r.percent} entered={r.entered} expected={r.expected} level={r.level} width={220} />
          <Stack direction="row" sx={{ flexWrap: "wrap", gap: 2 }}>
            <Figure label={`school days left (to ${dayLabel(deadline)}${r.extendedTo ? ", extended" : ""})`} value={String(r.schoolDaysLeft)} testId="days-left" />
            <Figure label="marks to enter" value={count(r.remaining)} />
            <Figure label="needed a day" value={count(r.neededPerDay)} />
            <Figure label="a day at recent pace" value={count(r.pacePerDay)} tone={r.level !== "COMPLETE" && r.pacePerDay < r.neededPerDay ? "error.main" : undefined} />
            <Figure
              label="projected finish"
              value={r.level === "COMPLETE" ? "Done" : r.projectedFinish ? dayLabel(r.projectedFinish) : stopped ? "Not while stopped" : r.pacePerDay > 0 ? "—" : "No pace yet"}
              tone={late || stopped || (!r.projectedFinish && r.pacePerDay === 0 && r.level !== "COMPLETE") ? "error.main" : r.level === "COMPLETE" ? "success.main" : undefined}
              testId="projected-finish"
            />
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
};

const Reasons = ({ detail }: { detail: SchoolRiskDetail }) => (
  <Card>
    <CardHeader title="Why" titleTypographyProps={{ variant: "h6" }} sx={{ pb: 0 }} />
    <CardContent>
      {detail.risk.reasons.length === 0 ? (
        <Typography color="text.secondary">Nothing stands in the way.</Typography>
      ) : (
        <Stack component="ol" spacing={1.5} sx={{ m: 0, pl: 2.5 }} data-testid="reasons">
          {detail.risk.reasons.map((reason) => (
            <li key={reason.code + reason.text}>
              <Typography variant="body2">{reason.text}</Typography>
              {reason.teachers.length > 0 && (
                <Stack direction="row" sx={{ flexWrap: "wrap", gap: 0.5, mt: 0.5 }}>
                  {reason.teachers.map((t) => (
                    <Chip key={t.id} size="small" label={t.fullName} component={Link} to={`/employees/${t.id}/show`} clickable />
                  ))}
                </Stack>
              )}
            </li>
          ))}
        </Stack>
      )}
    </CardContent>
  </Card>
);

const NotStarted = ({ detail }: { detail: SchoolRiskDetail }) => (
  <Card>
    <CardHeader
      disableTypography
      title={
        <Typography variant="h6" sx={{ color: detail.notStarted.length > 0 ? "error.main" : undefined }}>
          {detail.notStarted.length === 0 ? "Every teacher has started" : `${plural(detail.notStarted.length, "teacher has", "teachers have")} entered nothing`}
        </Typography>
      }
      sx={{ pb: 0 }}
    />
    <CardContent data-testid="not-started">
      {detail.notStarted.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          Each teacher with marks expected has entered at least one.
        </Typography>
      ) : (
        <Stack direction="row" sx={{ flexWrap: "wrap", gap: 0.5 }}>
          {detail.notStarted.map((t) => (
            <Chip key={t.id} label={t.fullName} component={Link} to={`/employees/${t.id}/show`} clickable color="error" variant="outlined" />
          ))}
        </Stack>
      )}
    </CardContent>
  </Card>
);

const Extensions = ({ detail, onGranted, replay }: { detail: SchoolRiskDetail; onGranted: () => void; replay: boolean }) => {
  const { canAccess } = useCanAccess({ resource: "deadlineExtensions", action: "create" });
  const r = detail.risk;
  return (
    <Card>
      <CardHeader title="Deadline and extensions" titleTypographyProps={{ variant: "h6" }} sx={{ pb: 0 }} />
      <CardContent data-testid="extensions">
        <Typography variant="body2" sx={{ mb: 1 }}>
          Marks due <b>{dayLabel(workingDeadline(r))}</b>
          {r.extendedTo ? (r.extendedTo !== r.deadlineDay ? ` (extended from ${dayLabel(r.deadlineDay)})` : " (extended for this school)") : ""}, end of day Los Angeles time.
        </Typography>
        {detail.extensions.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            No extension for this school.
          </Typography>
        ) : (
          <Stack spacing={1}>
            {detail.extensions.map((x) => (
              <Box key={x.id} sx={{ borderLeft: 3, borderColor: "info.main", pl: 1.5 }}>
                <Typography variant="body2">
                  <b>{dayLabel(x.extendedTo)}</b>
                  {x.section ? ` for ${x.section.courseName}` : " for the whole school"}: {x.reason}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  granted {x.grantedBy ? `by ${x.grantedBy.fullName} ` : ""}on {instantLabel(x.createdAt)}
                </Typography>
              </Box>
            ))}
          </Stack>
        )}
        {canAccess && replay && (
          <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
            Extensions are granted on the present: choose Now to grant one.
          </Typography>
        )}
        {canAccess && !replay && (
          <GrantExtensionForm periodId={r.periodId} schoolId={r.schoolId} currentDeadline={workingDeadline(r)} sections={detail.bySection} onGranted={onGranted} />
        )}
      </CardContent>
    </Card>
  );
};

/** One school's risk: where it stands, why, who is behind, its burn-up and its extensions. */
export function SchoolRiskPage({ schoolId }: { schoolId: string }) {
  const dataProvider = useDataProvider<GradewatchDataProvider>();
  const [asOf, setAsOf] = useAsOfParam();
  const [tab, setTab] = useState<"teacher" | "section">("teacher");
  const { data, error, reload } = usePolled(() => dataProvider.schoolRiskDetail(schoolId, asOf), `${schoolId}@${asOf ?? "now"}`, !asOf);
  const r = data?.risk;
  return (
    <Box sx={{ mt: 2, mb: 4 }} data-testid="school-risk-page">
      <Title title={r ? r.school.name : "School"} />
      <RiskPageHeader title={r ? r.school.name : "…"} subtitle={r && (
          <>
            {r.period.name} · <Link to={withAsOf(`/risk/escs/${r.escId}`, asOf)}>{r.esc.name}</Link> · location {r.school.locationCode}
          </>
        )} asOf={asOf} onAsOf={setAsOf} />
      {error && (
        <Alert severity={data ? "warning" : "error"} sx={{ mb: 2 }}>
          {data ? `Could not refresh: ${error.message}` : error.message}
        </Alert>
      )}
      {!data ? (
        !error && <CircularProgress size={28} sx={{ m: 2 }} />
      ) : (
        <Grid container spacing={2}>
          <Grid size={12}>
            <Summary detail={data} />
          </Grid>
          <Grid size={{ xs: 12, lg: 8 }}>
            <Stack spacing={2}>
              <Card>
                <CardHeader title="Marks entered, day by day" titleTypographyProps={{ variant: "h6" }} sx={{ pb: 0 }} />
                <CardContent>
                  <LazyBurnUp points={data.burnUp} deadlineDay={workingDeadline(data.risk)} today={localDate(new Date(data.risk.asOf))} />
                </CardContent>
              </Card>
              <Card>
                <Tabs value={tab} onChange={(_, v: "teacher" | "section") => setTab(v)} sx={{ px: 2, borderBottom: 1, borderColor: "divider" }}>
                  <Tab value="teacher" label={`By teacher (${data.byTeacher.length})`} />
                  <Tab value="section" label={`By section (${data.bySection.length})`} />
                </Tabs>
                <CardContent sx={{ overflowX: "auto" }}>
                  <CompletionTable rows={tab === "teacher" ? data.byTeacher : data.bySection} by={tab} />
                </CardContent>
              </Card>
            </Stack>
          </Grid>
          <Grid size={{ xs: 12, lg: 4 }}>
            <Stack spacing={2}>
              <Reasons detail={data} />
              <NotStarted detail={data} />
              <Extensions detail={data} onGranted={reload} replay={!!asOf} />
            </Stack>
          </Grid>
        </Grid>
      )}
    </Box>
  );
}

/** The school page at /schoolRisks/:id/show (the id is the school's). */
export const SchoolRiskShow = () => {
  const { id } = useParams<{ id: string }>();
  return <SchoolRiskPage schoolId={id!} key={id} />;
};
