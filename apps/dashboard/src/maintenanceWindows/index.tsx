import BuildIcon from "@mui/icons-material/Build";
import { BooleanField, BooleanInput, Create, Datagrid, Edit, List, SimpleForm, TextField, TextInput, regex, required } from "react-admin";

const TIME = regex(/^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$/, "HH:MM");

export const MaintenanceWindowList = () => (
  <List sort={{ field: "startsAtLocal", order: "ASC" }} exporter={false}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="name" />
      <TextField source="startsAtLocal" label="Starts (local)" />
      <TextField source="endsAtLocal" label="Ends (local)" sortable={false} />
      <TextField source="timeZone" sortable={false} />
      <BooleanField source="active" sortable={false} />
      <TextField source="description" sortable={false} />
    </Datagrid>
  </List>
);

const MaintenanceWindowForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={required()} />
    <TextInput source="startsAtLocal" label="Starts (local time)" validate={[required(), TIME]} />
    <TextInput source="endsAtLocal" label="Ends (local time)" validate={[required(), TIME]} />
    <TextInput source="timeZone" defaultValue="America/Los_Angeles" validate={required()} />
    <BooleanInput source="active" defaultValue />
    <TextInput source="description" multiline />
  </SimpleForm>
);

export const MaintenanceWindowEdit = () => (
  <Edit mutationMode="pessimistic">
    <MaintenanceWindowForm />
  </Edit>
);

export const MaintenanceWindowCreate = () => (
  <Create redirect="list">
    <MaintenanceWindowForm />
  </Create>
);

export default { list: MaintenanceWindowList, edit: MaintenanceWindowEdit, create: MaintenanceWindowCreate, icon: BuildIcon };
