import { Alert, Box, Button, Card, CardContent, Checkbox, Chip, Divider, FormControlLabel, Grid, MenuItem, Stack, TextField as MuiTextField, Typography } from "@mui/material";
import { useState } from "react";
import {
  DateField,
  FunctionField,
  Labeled,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  useCanAccess,
  useDataProvider,
  useGetList,
  useNotify,
  useRecordContext,
  useRefresh,
} from "react-admin";
import { CALENDAR_DAY, LA_DATETIME } from "../common/choices";
import type { dataProvider as provider } from "../dataProvider";
import type { ReportRecord } from "../dataProvider/problemReports";
import { reportCategories, reportStates, SEVERITY_COLOR } from "./choices";
import { ReportActions } from "./ReportActions";
import { SlaField } from "./SlaField";

type Detail = ReportRecord & {
  school: { id: string; name: string; escId: string };
  assigneeId: string | null;
  extensionStatus: string | null;
  extensionRequestedTo: string | null;
  extensionRequestReason: string | null;
  extensionDecisionReason: string | null;
  schoolDeadline: string | null;
  comments: { id: string; body: string; internal: boolean; createdAt: string; author: { fullName: string } | null }[];
  history: { id: string; action: string; fromState: string | null; toState: string; changedAt: string; changedBy: { fullName: string } | null }[];
};

const HISTORY_WORDS: Record<string, string> = {
  file: "filed the report",
  acknowledge: "acknowledged",
  start: "started work",
  waitOnSchool: "asked the school for something",
  resume: "resumed work",
  resolve: "resolved",
  close: "closed",
  reopen: "reopened",
  assign: "changed the assignee",
  approveExtension: "approved the extension",
  declineExtension: "declined the extension",
};
const day = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString("en-US", CALENDAR_DAY);

const when = (iso: string) => new Date(iso).toLocaleString("en-US", LA_DATETIME);

function useAct() {
  const dp = useDataProvider<typeof provider>();
  const notify = useNotify();
  const refresh = useRefresh();
  return async (work: (dp: typeof provider) => Promise<unknown>, done: string) => {
    try {
      await work(dp);
      notify(done, { type: "success" });
      return true;
    } catch (err) {
      notify((err as Error).message, { type: "error" });
      return false;
    } finally {
      refresh();
    }
  };
}

export const Assign = () => {
  const record = useRecordContext<Detail>();
  const act = useAct();
  const staffOf = (role: string) => ({ filter: { escId: record?.school.escId, role, active: true }, pagination: { page: 1, perPage: 50 }, sort: { field: "lastName", order: "ASC" as const } });
  const { data: directors = [] } = useGetList<{ id: string; fullName: string }>("employees", staffOf("ESC_DIRECTOR"), { enabled: !!record });
  const { data: superintendents = [] } = useGetList<{ id: string; fullName: string }>("employees", staffOf("INSTRUCTIONAL_SUPERINTENDENT"), { enabled: !!record });
  if (!record) return null;
  const escStaff = [...directors, ...superintendents];
  return (
    <MuiTextField
      select
      size="small"
      label="Assignee"
      value={record.assigneeId ?? ""}
      fullWidth={false}
      sx={{ width: 260 }}
      onChange={(e) => act((dp) => dp.assignProblemReport(String(record.id), e.target.value || null, record.version), "Assigned")}
    >
      <MenuItem value="">Nobody</MenuItem>
      {escStaff.map((e) => (
        <MenuItem key={e.id} value={e.id}>
          {e.fullName}
        </MenuItem>
      ))}
    </MuiTextField>
  );
};

export const ExtensionDecision = () => {
  const record = useRecordContext<Detail>();
  const { canAccess } = useCanAccess({ resource: "problemReports", action: "decideExtension" });
  const act = useAct();
  const [reason, setReason] = useState("");
  if (!record?.extensionStatus) return null;
  return (
    <Box sx={{ mt: 2 }} data-testid="extension-request">
      <Typography variant="subtitle1">Extension request</Typography>
      <Typography>
        To <strong>{record.extensionRequestedTo ? day(record.extensionRequestedTo) : ""}</strong>: {record.extensionRequestReason}
      </Typography>
      <Typography>
        Status: <strong>{record.extensionStatus.toLowerCase()}</strong>
        {record.extensionDecisionReason ? ` — ${record.extensionDecisionReason}` : ""}
      </Typography>
      {record.schoolDeadline ? (
        <Typography data-testid="school-deadline">
          The school's deadline: <strong>{day(record.schoolDeadline)}</strong>
        </Typography>
      ) : null}
      {canAccess && record.extensionStatus === "PENDING" ? (
        <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: "center" }}>
          <MuiTextField size="small" label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} sx={{ minWidth: 320 }} />
          <Button variant="contained" color="success" onClick={() => act((dp) => dp.decideExtensionRequest(String(record.id), true, reason || null, record.version), "Extension approved")}>
            Approve extension
          </Button>
          <Button
            variant="outlined"
            color="error"
            onClick={() => act((dp) => dp.decideExtensionRequest(String(record.id), false, reason || null, record.version), "Extension declined")}
          >
            Decline
          </Button>
        </Stack>
      ) : null}
    </Box>
  );
};

export const Thread = () => {
  const record = useRecordContext<Detail>();
  const { canAccess: internalAllowed } = useCanAccess({ resource: "problemReports", action: "internalNote" });
  const { canAccess: mayComment } = useCanAccess({ resource: "problemReports", action: "comment" });
  const act = useAct();
  const [body, setBody] = useState("");
  const [internal, setInternal] = useState(false);
  if (!record) return null;
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle1">Comments</Typography>
      {(record.comments ?? []).length === 0 ? <Typography color="text.secondary">No comments yet.</Typography> : null}
      {(record.comments ?? []).map((c) => (
        <Box key={c.id} sx={{ my: 1, p: 1, borderLeft: 3, borderColor: c.internal ? "warning.main" : "primary.main", bgcolor: c.internal ? "rgba(237,108,2,0.06)" : undefined }}>
          <Typography variant="caption" color="text.secondary">
            {c.author?.fullName ?? "Someone"} · {when(c.createdAt)}
            {c.internal ? " · internal note (the school does not see it)" : ""}
          </Typography>
          <Typography sx={{ whiteSpace: "pre-wrap" }}>{c.body}</Typography>
        </Box>
      ))}
      {mayComment ? (
        <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: "center" }}>
          <MuiTextField size="small" label={internal ? "Internal note" : "Reply"} value={body} onChange={(e) => setBody(e.target.value)} multiline sx={{ minWidth: 400 }} />
          {internalAllowed ? <FormControlLabel control={<Checkbox checked={internal} onChange={(e) => setInternal(e.target.checked)} />} label="Internal" /> : null}
          <Button
            variant="outlined"
            disabled={!body.trim()}
            onClick={async () => {
              if (await act((dp) => dp.commentOnProblemReport(String(record.id), body, internal), internal ? "Note added" : "Reply sent")) setBody("");
            }}
          >
            {internal ? "Add note" : "Send reply"}
          </Button>
        </Stack>
      ) : null}
    </Box>
  );
};

const History = () => {
  const record = useRecordContext<Detail>();
  if (!record) return null;
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle1">History</Typography>
      {(record.history ?? []).map((h) => (
        <Typography key={h.id} variant="body2">
          {when(h.changedAt)} — {h.changedBy?.fullName ?? "Someone"}: {HISTORY_WORDS[h.action] ?? h.action}
          {h.fromState && h.fromState !== h.toState ? ` (${h.fromState} → ${h.toState})` : h.fromState ? "" : ` (${h.toState})`}
        </Typography>
      ))}
    </Box>
  );
};

const Header = () => {
  const record = useRecordContext<Detail>();
  const { canAccess: manages } = useCanAccess({ resource: "problemReports", action: "assign" });
  if (!record) return null;
  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ mb: 1, alignItems: "center" }}>
          <Chip color={SEVERITY_COLOR[String(record.severity)]} label={String(record.severity)} />
          <Typography variant="h6">{record.title}</Typography>
        </Stack>
        {(record as { sla?: { overdue: boolean } }).sla?.overdue ? <Alert severity="error">This report is past its SLA.</Alert> : null}
        <Stack direction="row" spacing={2} sx={{ mt: 1, alignItems: "center", flexWrap: "wrap" }}>
          <SlaField />
          <ReportActions />
          {manages ? <Assign /> : null}
        </Stack>
      </CardContent>
    </Card>
  );
};

export const ProblemReportShow = () => (
  <Show>
    <SimpleShowLayout>
      <Header />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 4 }}>
          <Labeled label="School">
            <TextField source="school.name" />
          </Labeled>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Labeled label="State">
            <SelectField source="state" choices={reportStates} />
          </Labeled>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Labeled label="Category">
            <SelectField source="category" choices={reportCategories} />
          </Labeled>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Labeled label="Filed by">
            <TextField source="filedBy.fullName" />
          </Labeled>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Labeled label="Filed">
            <DateField source="filedAt" showTime options={LA_DATETIME} />
          </Labeled>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Labeled label="Assignee">
            <TextField source="assignee.fullName" emptyText="Nobody yet" />
          </Labeled>
        </Grid>
      </Grid>
      <FunctionField render={(r: Detail) => <Typography sx={{ whiteSpace: "pre-wrap" }}>{String(r.description)}</Typography>} />
      <ExtensionDecision />
      <Divider />
      <Thread />
      <History />
    </SimpleShowLayout>
  </Show>
);
