import { BooleanField, BooleanInput, Datagrid, List, TextField } from "react-admin";

export const MaintenanceWindowList = () => (
  <List filters={[<BooleanInput key="active" source="active" />]} sort={{ field: "startsAtLocal", order: "ASC" }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <TextField source="startsAtLocal" />
      <TextField source="endsAtLocal" sortable={false} />
      <TextField source="timeZone" sortable={false} />
      <BooleanField source="active" sortable={false} />
      <TextField source="description" sortable={false} />
    </Datagrid>
  </List>
);
