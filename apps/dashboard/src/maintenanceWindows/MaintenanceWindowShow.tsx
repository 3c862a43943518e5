import { BooleanField, Show, SimpleShowLayout, TextField } from "react-admin";
import { MaintenanceWindowReport } from "./MaintenanceWindowReport";

export const MaintenanceWindowShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="startsAtLocal" />
      <TextField source="endsAtLocal" />
      <TextField source="timeZone" />
      <BooleanField source="active" />
      <TextField source="description" />
    </SimpleShowLayout>
    <MaintenanceWindowReport />
  </Show>
);
