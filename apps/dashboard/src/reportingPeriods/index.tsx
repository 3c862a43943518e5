import EventIcon from "@mui/icons-material/Event";
import { ArrayField, Datagrid, DateField, DateInput, Edit, List, SelectField, Show, SimpleForm, SimpleShowLayout, TextField, TextInput, required } from "react-admin";
import { LA_DATETIME, periodLevels } from "../common/choices";

// Dates without a time are calendar days: show them as written, not shifted by a time zone.
const DAY = { timeZone: "UTC", year: "numeric", month: "short", day: "numeric", weekday: "short" } as const;

export const ReportingPeriodList = () => (
  <List sort={{ field: "windowOpensOn", order: "ASC" }} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="schoolYear" />
      <TextField source="name" />
      <SelectField source="level" choices={periodLevels} />
      <DateField source="windowOpensOn" options={DAY} />
      <DateField source="originalDeadline" options={DAY} sortable={false} />
      <DateField source="currentDeadline" options={DAY} />
    </Datagrid>
  </List>
);

export const ReportingPeriodShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="schoolYear" />
      <SelectField source="level" choices={periodLevels} />
      <DateField source="windowOpensOn" options={DAY} />
      <DateField source="originalDeadline" options={DAY} />
      <DateField source="currentDeadline" options={DAY} />
      <DateField source="deadlineAt" label="Marks accepted until" showTime options={LA_DATETIME} />
      <ArrayField source="gradingItems">
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <TextField source="code" />
          <TextField source="name" />
          <TextField source="scale" />
        </Datagrid>
      </ArrayField>
    </SimpleShowLayout>
  </Show>
);

export const ReportingPeriodEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm>
      <TextInput source="name" validate={required()} />
      <DateInput source="windowOpensOn" validate={required()} />
      <DateInput source="originalDeadline" validate={required()} />
      <DateInput source="currentDeadline" validate={required()} helperText="Extend the deadline: marks are accepted to the end of this day, Los Angeles time" />
    </SimpleForm>
  </Edit>
);

export default { list: ReportingPeriodList, show: ReportingPeriodShow, edit: ReportingPeriodEdit, icon: EventIcon, recordRepresentation: "name" };
