import {
  BooleanInput,
  Datagrid,
  DateField,
  FunctionField,
  List,
  ReferenceInput,
  SelectArrayInput,
  SelectField,
  SelectInput,
  TextField,
  AutocompleteInput,
  useCanAccess,
} from "react-admin";
import { LA_DATETIME } from "../common/choices";
import { reportCategories, reportSeverities, reportStates, SEVERITY_COLOR } from "./choices";
import { ReportActions } from "./ReportActions";
import { SlaField } from "./SlaField";
import { Chip } from "@mui/material";

const filters = [
  <SelectArrayInput key="state" source="state" choices={reportStates} alwaysOn sx={{ minWidth: 200 }} />,
  <SelectInput key="severity" source="severity" choices={reportSeverities} alwaysOn />,
  <SelectInput key="category" source="category" choices={reportCategories} />,
  <ReferenceInput key="schoolId" source="schoolId" reference="schools">
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
  <ReferenceInput key="assigneeId" source="assigneeId" reference="employees">
    <AutocompleteInput optionText="fullName" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
  <BooleanInput key="overdue" source="overdue" alwaysOn />,
];

// The queue: most urgent SLA first; an overdue report stands out in red.
export const ProblemReportList = () => {
  const { canAccess: manages } = useCanAccess({ resource: "problemReports", action: "acknowledge" });
  return (
    <List filters={filters} filterDefaultValues={{ state: ["NEW", "ACKNOWLEDGED", "IN_PROGRESS", "WAITING_ON_SCHOOL"] }} sort={{ field: "slaDueAt", order: "ASC" }} perPage={25}>
      <Datagrid
        rowClick="show"
        bulkActionButtons={false}
        rowSx={(r) => ((r as { sla?: { overdue: boolean } }).sla?.overdue ? { backgroundColor: "rgba(211, 47, 47, 0.08)", "& td:first-of-type": { borderLeft: "4px solid #d32f2f" } } : {})}
      >
        <FunctionField source="severity" render={(r: { severity: string }) => <Chip size="small" color={SEVERITY_COLOR[r.severity]} label={r.severity} />} />
        <TextField source="title" sortable={false} />
        <TextField source="school.name" label="School" sortable={false} />
        <SelectField source="category" choices={reportCategories} sortable={false} />
        <SelectField source="state" choices={reportStates} />
        <SlaField label="SLA" sortBy="slaDueAt" />
        <TextField source="assignee.fullName" label="Assignee" sortable={false} emptyText="—" />
        <FunctionField source="extensionStatus" sortable={false} render={(r: { extensionStatus?: string; extensionRequestedTo?: string }) => (r.extensionStatus ? `${r.extensionStatus.toLowerCase()} (to ${r.extensionRequestedTo})` : "")} />
        <DateField source="filedAt" showTime options={LA_DATETIME} />
        {manages ? <ReportActions only={["acknowledge", "resolve"]} /> : null}
      </Datagrid>
    </List>
  );
};
