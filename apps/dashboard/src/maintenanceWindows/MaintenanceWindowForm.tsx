import { BooleanInput, SimpleForm, TextInput, regex, required } from "react-admin";
import { TIME } from "../common/choices";

const time = regex(TIME, "HH:MM");

export const MaintenanceWindowForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={required()} />
    <TextInput source="startsAtLocal" validate={[required(), time]} />
    <TextInput source="endsAtLocal" validate={[required(), time]} />
    <TextInput source="timeZone" defaultValue="America/Los_Angeles" validate={required()} />
    <BooleanInput source="active" defaultValue />
    <TextInput source="description" multiline />
  </SimpleForm>
);
