import { BooleanField, EmailField, FunctionField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from "react-admin";
import { clockTime, roles } from "../common/choices";

export const EmployeeShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="employeeNumber" />
      <TextField source="fullName" />
      <EmailField source="email" />
      <SelectField source="role" choices={roles} />
      <ReferenceField source="schoolId" reference="schools" link="show" emptyText="—" />
      <ReferenceField source="escId" reference="escs" link="show" emptyText="—" />
      <FunctionField source="workdayStart" render={(r: { workdayStart?: string | null }) => clockTime(r.workdayStart)} />
      <FunctionField source="workdayEnd" render={(r: { workdayEnd?: string | null }) => clockTime(r.workdayEnd)} />
      <BooleanField source="active" />
    </SimpleShowLayout>
  </Show>
);
