import { BooleanField, BooleanInput, Datagrid, FunctionField, List, TextField } from "react-admin";
import { clockTime } from "../common/choices";

export const MaintenanceWindowList = () => (
  <List filters={[<BooleanInput key="active" source="active" />]} sort={{ field: "startsAtLocal", order: "ASC" }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <FunctionField source="startsAtLocal" render={(r) => clockTime(r.startsAtLocal)} />
      <FunctionField source="endsAtLocal" sortable={false} render={(r) => clockTime(r.endsAtLocal)} />
      <TextField source="timeZone" sortable={false} />
      <BooleanField source="active" sortable={false} />
      <TextField source="description" sortable={false} />
    </Datagrid>
  </List>
);
