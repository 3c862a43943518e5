import { ArrayField, Datagrid, DateField, SelectField, Show, SimpleShowLayout, TextField } from "react-admin";
import { CALENDAR_DAY, LA_DATETIME, markScales, periodLevels } from "../common/choices";

export const ReportingPeriodShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="schoolYear" />
      <SelectField source="level" choices={periodLevels} />
      <DateField source="windowOpensOn" options={CALENDAR_DAY} />
      <DateField source="originalDeadline" options={CALENDAR_DAY} />
      <DateField source="currentDeadline" options={CALENDAR_DAY} />
      <DateField source="deadlineAt" showTime options={LA_DATETIME} />
      <ArrayField source="gradingItems">
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <TextField source="name" />
          <SelectField source="scale" choices={markScales} />
        </Datagrid>
      </ArrayField>
    </SimpleShowLayout>
  </Show>
);
