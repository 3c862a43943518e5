import { BooleanField, FunctionField, Show, SimpleShowLayout, TextField } from "react-admin";
import { clockTime } from "../common/choices";
import { MaintenanceWindowReport } from "./MaintenanceWindowReport";

export const MaintenanceWindowShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <FunctionField source="startsAtLocal" render={(r: { startsAtLocal?: string | null }) => clockTime(r.startsAtLocal)} />
      <FunctionField source="endsAtLocal" render={(r: { endsAtLocal?: string | null }) => clockTime(r.endsAtLocal)} />
      <TextField source="timeZone" />
      <BooleanField source="active" />
      <TextField source="description" />
    </SimpleShowLayout>
    <MaintenanceWindowReport />
  </Show>
);
