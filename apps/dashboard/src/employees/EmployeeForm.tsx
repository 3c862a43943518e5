import { AutocompleteInput, BooleanInput, ReferenceInput, SelectInput, SimpleForm, TextInput, email, regex, required, usePermissions } from "react-admin";
import { mayAssignRole } from "@gradewatch/domain/policy";
import type { Role } from "../authProvider";
import { roles, TIME } from "../common/choices";

const time = regex(TIME, "HH:MM");

// Offer only the roles the viewer may give (the access policy; the API refuses the others).
const grantable = (viewer: Role | undefined) => roles.filter((r) => !!viewer && mayAssignRole(viewer, r.id));

export const EmployeeForm = () => {
  const { permissions } = usePermissions<Role>();
  return (
    <SimpleForm>
      <TextInput source="employeeNumber" validate={[required(), regex(/^E[0-9]{7}$/, "Like E0001234")]} />
      <TextInput source="firstName" validate={required()} />
      <TextInput source="lastName" validate={required()} />
      <TextInput source="email" type="email" validate={[required(), email()]} />
      <SelectInput source="role" choices={grantable(permissions)} validate={required()} />
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
};
