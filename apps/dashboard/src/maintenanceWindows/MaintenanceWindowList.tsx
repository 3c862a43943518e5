import { BooleanField, BooleanInput, Datagrid, FunctionField, List, TextField } from "react-admin";
import { clockTime } from "../common/choices";

export const MaintenanceWindowList = () => (
  <List filters={[<BooleanInput key="active" source="active" />]} sort={{ field: "startsAtLocal", order: "ASC" }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <FunctionField source="startsAtLocal" render={(r: { startsAtLocal?: string | null }) => clockTime(r.startsAtLocal)} />
      <FunctionField source="endsAtLocal" sortable={false} render={(r: { endsAtLocal?: string | null }) => clockTime(r.endsAtLocal)} />
      <TextField source="timeZone" sortable={false} />
      <BooleanField source="active" sortable={false} />
      <TextField source="description" sortable={false} />
    </Datagrid>
  </List>
);
