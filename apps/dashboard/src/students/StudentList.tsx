import { AutocompleteInput, Datagrid, List, ReferenceField, ReferenceInput, SearchInput, SelectField, SelectInput, TextField } from "react-admin";
import { gradeLevels } from "../common/choices";

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name or student id" />,
  <ReferenceInput key="schoolId" source="schoolId" reference="schools" alwaysOn>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput key="escId" source="escId" reference="escs">
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <SelectInput key="gradeLevel" source="gradeLevel" choices={gradeLevels} />,
];

export const StudentList = () => (
  <List filters={filters} sort={{ field: "lastName", order: "ASC" }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="districtStudentId" />
      <TextField source="lastName" />
      <TextField source="firstName" />
      <SelectField source="gradeLevel" choices={gradeLevels} />
      <ReferenceField source="schoolId" reference="schools" link="show" />
    </Datagrid>
  </List>
);
