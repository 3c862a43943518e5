import { Datagrid, DateField, List, NumberField, SelectField, SelectInput, TextField } from "react-admin";
import { LA_DATETIME, outageKinds } from "../common/choices";

export const OutageList = () => (
  <List filters={[<SelectInput key="kind" source="kind" choices={outageKinds} alwaysOn />]} sort={{ field: "startsAt", order: "DESC" }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <SelectField source="kind" choices={outageKinds} />
      <DateField source="startsAt" showTime options={LA_DATETIME} />
      <DateField source="endsAt" showTime options={LA_DATETIME} />
      <NumberField source="durationMinutes" sortable={false} />
      <TextField source="description" sortable={false} />
    </Datagrid>
  </List>
);
