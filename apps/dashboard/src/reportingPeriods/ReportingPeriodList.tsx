import { Datagrid, DateField, List, SearchInput, SelectField, SelectInput, TextField } from "react-admin";
import { CALENDAR_DAY, periodLevels } from "../common/choices";

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="level" source="level" choices={periodLevels} alwaysOn />];

export const ReportingPeriodList = () => (
  <List filters={filters} sort={{ field: "windowOpensOn", order: "ASC" }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="schoolYear" />
      <TextField source="name" />
      <SelectField source="level" choices={periodLevels} />
      <DateField source="windowOpensOn" options={CALENDAR_DAY} />
      <DateField source="originalDeadline" options={CALENDAR_DAY} sortable={false} />
      <DateField source="currentDeadline" options={CALENDAR_DAY} />
    </Datagrid>
  </List>
);
