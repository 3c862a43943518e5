import { AutocompleteInput, BooleanInput, ReferenceInput, SelectInput, SimpleForm, TextInput, email, regex, required } from "react-admin";
import { roles, TIME } from "../common/choices";

const time = regex(TIME, "HH:MM");

export const EmployeeForm = () => (
  <SimpleForm>
    <TextInput source="employeeNumber" validate={[required(), regex(/^E[0-9]{7}$/, "Like E0001234")]} />
    <TextInput source="firstName" validate={required()} />
    <TextInput source="lastName" validate={required()} />
    <TextInput source="email" type="email" validate={[required(), email()]} />
    <SelectInput source="role" choices={roles} validate={required()} />
    <ReferenceInput source="schoolId" reference="schools">
      <AutocompleteInput optionText="name" helperText="Teachers and principals" />
    </ReferenceInput>
    <ReferenceInput source="escId" reference="escs">
      <SelectInput optionText="name" emptyText="—" helperText="ESC staff" />
    </ReferenceInput>
    <TextInput source="workdayStart" validate={time} />
    <TextInput source="workdayEnd" validate={time} />
    <BooleanInput source="active" defaultValue />
  </SimpleForm>
);
