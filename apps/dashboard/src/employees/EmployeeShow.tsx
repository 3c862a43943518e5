import { BooleanField, EmailField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from "react-admin";
import { roles } from "../common/choices";

export const EmployeeShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="employeeNumber" />
      <TextField source="fullName" />
      <EmailField source="email" />
      <SelectField source="role" choices={roles} />
      <ReferenceField source="schoolId" reference="schools" link="show" emptyText="—" />
      <ReferenceField source="escId" reference="escs" link="show" emptyText="—" />
      <TextField source="workdayStart" />
      <TextField source="workdayEnd" />
      <BooleanField source="active" />
    </SimpleShowLayout>
  </Show>
);
