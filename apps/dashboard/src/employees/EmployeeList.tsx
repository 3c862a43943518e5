import { AutocompleteInput, BooleanField, BooleanInput, Datagrid, List, ReferenceInput, SearchInput, SelectField, SelectInput, TextField } from "react-admin";
import { roles } from "../common/choices";

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name, email or number" />,
  <SelectInput key="role" source="role" choices={roles} alwaysOn />,
  <ReferenceInput key="escId" source="escId" reference="escs">
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput key="schoolId" source="schoolId" reference="schools">
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <BooleanInput key="active" source="active" />,
];

export const EmployeeList = () => (
  <List filters={filters} sort={{ field: "lastName", order: "ASC" }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="employeeNumber" />
      <TextField source="lastName" />
      <TextField source="firstName" />
      <SelectField source="role" choices={roles} />
      <TextField source="school.name" sortable={false} emptyText="—" />
      <TextField source="esc.name" sortable={false} emptyText="—" />
      <BooleanField source="active" />
    </Datagrid>
  </List>
);
