import { AutocompleteInput, Datagrid, List, NumberField, ReferenceField, ReferenceInput, SearchInput, SelectField, SelectInput, TextField } from "react-admin";
import { gradeLevels, sectionReportCards } from "../common/choices";

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Course" />,
  <ReferenceInput key="schoolId" source="schoolId" reference="schools" alwaysOn>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput key="teacherId" source="teacherId" reference="employees" filter={{ role: "TEACHER" }}>
    <AutocompleteInput optionText="fullName" />
  </ReferenceInput>,
  <SelectInput key="level" source="level" choices={sectionReportCards} />,
];

export const SectionList = () => (
  <List filters={filters} sort={{ field: "courseName", order: "ASC" }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="courseName" />
      <SelectField source="gradeLevel" choices={gradeLevels} />
      <SelectField source="level" choices={sectionReportCards} />
      <ReferenceField source="schoolId" reference="schools" link="show" />
      <TextField source="teacher.fullName" sortable={false} />
      <NumberField source="enrolledCount" sortable={false} />
    </Datagrid>
  </List>
);
