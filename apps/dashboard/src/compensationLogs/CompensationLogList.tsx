import { Chip, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField, Typography } from "@mui/material";
import { useState } from "react";
import {
  BooleanField,
  BooleanInput,
  Button,
  Datagrid,
  DateField,
  FunctionField,
  List,
  NumberInput,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  TextField,
  useCanAccess,
  useDataProvider,
  useListContext,
  useNotify,
  usePermissions,
  useRefresh,
  useUnselectAll,
} from "react-admin";
import { reachOf } from "@gradewatch/domain/policy";
import type { Role } from "../authProvider";
import type { CompensationDecision, GradewatchDataProvider } from "../dataProvider";
import { EvidencePanel } from "./EvidencePanel";
import { CALENDAR_DAY, LA_DATETIME } from "../common/choices";
import { categoryChoices, categoryName, type CompensationLogRecord, hours, span, STATE_COLOR, stateChoices, stateName } from "./format";

const DecisionButton = ({ action, label }: { action: CompensationDecision; label: string }) => {
  const { selectedIds, data = [] } = useListContext<CompensationLogRecord>();
  const dataProvider = useDataProvider<GradewatchDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll("compensationLogs");
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const run = async () => {
    const logs = data.filter((r) => selectedIds.includes(r.id)).map((r) => ({ id: String(r.id), version: r.version }));
    try {
      const done = await dataProvider.decideCompensationLogs(action, logs, action === "reject" ? reason : undefined);
      notify(`${done.count} log${done.count === 1 ? "" : "s"} ${done.state.toLowerCase()}`, { type: "success" });
      unselectAll();
      refresh();
    } catch (err) {
      notify(`${(err as Error).message}`, { type: "error" });
    } finally {
      setAsking(false);
      setReason("");
    }
  };
  return (
    <>
      <Button label={label} onClick={() => (action === "reject" ? setAsking(true) : void run())} />
      <Dialog open={asking} onClose={() => setAsking(false)}>
        <DialogTitle>Reject {selectedIds.length} log{selectedIds.length === 1 ? "" : "s"}</DialogTitle>
        <DialogContent>
          <MuiTextField autoFocus fullWidth label="Reason (the employee sees it)" value={reason} onChange={(e) => setReason(e.target.value)} sx={{ mt: 1, minWidth: 400 }} />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setAsking(false)}>Cancel</MuiButton>
          <MuiButton onClick={run} disabled={reason.trim().length < 3} color="error">
            Reject
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

const BulkDecisions = () => {
  const { canAccess: certify } = useCanAccess({ resource: "compensationLogs", action: "certify" });
  const { canAccess: approve } = useCanAccess({ resource: "compensationLogs", action: "approve" });
  const { permissions } = usePermissions<Role>();
  return (
    <>
      {certify && permissions !== "HR" && <DecisionButton action="certify" label="Certify" />}
      {approve && <DecisionButton action="approve" label="Approve" />}
      {(certify || approve) && <DecisionButton action="reject" label="Reject" />}
    </>
  );
};

const filters = [
  <SelectArrayInput key="states" source="states" choices={stateChoices} alwaysOn />,
  <ReferenceInput key="escId" source="escId" reference="escs" alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput key="schoolId" source="schoolId" reference="schools">
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <SelectInput key="category" source="category" choices={categoryChoices} alwaysOn />,
  <BooleanInput key="flagged" source="flagged" />,
  <NumberInput key="olderThanDays" source="olderThanDays" label="Submitted at least (days ago)" />,
  <BooleanInput key="toCertify" source="toCertify" label="Mine to certify" />,
];

/** The queues: a principal's (or ESC director's) logs to certify, HR's certified logs to approve, with bulk decisions and the evidence beside each. */
export const CompensationLogList = () => {
  const { permissions } = usePermissions<Role>();
  if (!permissions) return null;
  const hr = reachOf(permissions, "compensation.approve") !== "none";
  const certifier = reachOf(permissions, "compensation.certify") !== "none";
  const defaults = hr ? { states: ["CERTIFIED"] } : certifier ? { toCertify: true } : { mine: true };
  return (
    <List filters={filters} filterDefaultValues={defaults} sort={{ field: "submittedAt", order: "ASC" }} perPage={50} exporter={false} title={hr ? "Approval queue" : certifier ? "Certification queue" : "Compensation logs"}>
      <Datagrid bulkActionButtons={hr || certifier ? <BulkDecisions /> : false} expand={<EvidencePanel />} rowClick="expand">
        <TextField source="id" />
        <FunctionField
          label="Employee"
          render={(r: CompensationLogRecord) => (
            <>
              {r.employeeName}
              <Typography variant="caption" component="div" color="text.secondary">
                {r.schoolName ?? "ESC / district office"}
                {r.escCode ? ` · ${r.escCode}` : ""}
              </Typography>
            </>
          )}
        />
        <FunctionField
          source="workDate"
          label="When"
          render={(r: CompensationLogRecord) => (
            <>
              {new Date(`${r.workDate}T00:00:00Z`).toLocaleDateString("en-US", CALENDAR_DAY)}
              <Typography variant="caption" component="div" color="text.secondary">
                {span(r)}
              </Typography>
            </>
          )}
        />
        <FunctionField source="countedMinutes" label="Counted" render={(r: CompensationLogRecord) => hours(r.countedMinutes)} />
        <FunctionField source="category" render={(r: CompensationLogRecord) => categoryName(r.category)} />
        <FunctionField source="state" render={(r: CompensationLogRecord) => <Chip size="small" label={stateName(r.state)} color={STATE_COLOR[r.state]} />} />
        <BooleanField source="flagged" looseValue />
        <DateField source="submittedAt" showTime options={LA_DATETIME} />
      </Datagrid>
    </List>
  );
};
