import { BooleanField, Show, SimpleShowLayout, TextField } from "react-admin";

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
  </Show>
);
