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
import { DISTRICT_TIME_ZONE } from "@gradewatch/domain";

const shortDay = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString("en-US", { timeZone: "UTC", month: "short", day: "numeric" });
const FILED = { timeZone: DISTRICT_TIME_ZONE, month: "short", day: "numeric", hour: "numeric", minute: "2-digit" } as const;
import { reportCategories, reportSeverities, reportStates, SEVERITY_COLOR } from "./choices";
import { ReportActions } from "./ReportActions";
import { ReportPanel } from "./ReportPanel";
import { SlaField } from "./SlaField";
import { Box, Chip, Typography } from "@mui/material";

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
        expand={<ReportPanel />}
        bulkActionButtons={false}
        // Eight columns and the row's buttons fit a 1400 px window with tighter cells.
        sx={{ "& .RaDatagrid-rowCell, & .RaDatagrid-headerCell": { px: 1 } }}
        rowSx={(r) => ((r as { sla?: { overdue: boolean } }).sla?.overdue ? { backgroundColor: "rgba(211, 47, 47, 0.08)", "& td:first-of-type": { borderLeft: "4px solid #d32f2f" } } : {})}
      >
        <FunctionField source="severity" render={(r: { severity: string }) => <Chip size="small" color={SEVERITY_COLOR[r.severity]} label={r.severity} />} />
        <FunctionField
          source="title"
          sortable={false}
          render={(r: { title: string; category: string; school?: { name: string }; extensionStatus?: string; extensionRequestedTo?: string }) => (
            <Box sx={{ minWidth: 200 }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {r.title}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {r.school?.name} · {reportCategories.find((c) => c.id === r.category)?.name}
                {r.extensionStatus && r.extensionRequestedTo ? ` · extension to ${shortDay(r.extensionRequestedTo)} ${r.extensionStatus.toLowerCase()}` : ""}
              </Typography>
            </Box>
          )}
        />
        <SelectField source="state" choices={reportStates} />
        <SlaField label="SLA" sortBy="slaDueAt" />
        <TextField source="assignee.fullName" label="Assignee" sortable={false} emptyText="—" />
        <DateField source="filedAt" showTime options={FILED} sx={{ whiteSpace: "nowrap" }} />
        {manages ? <ReportActions only={["acknowledge", "resolve"]} /> : null}
      </Datagrid>
    </List>
  );
};
