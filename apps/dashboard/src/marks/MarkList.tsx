import { AutocompleteInput, Datagrid, DateField, List, ReferenceInput, SelectInput, TextField } from "react-admin";
import { LA_DATETIME } from "../common/choices";

const filters = [
  <ReferenceInput key="periodId" source="periodId" reference="reportingPeriods" alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput key="schoolId" source="schoolId" reference="schools" alwaysOn>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput key="sectionId" source="sectionId" reference="sections">
    <AutocompleteInput />
  </ReferenceInput>,
  <ReferenceInput key="studentId" source="studentId" reference="students">
    <AutocompleteInput optionText="fullName" />
  </ReferenceInput>,
];

export const MarkList = () => (
  <List filters={filters} sort={{ field: "updatedAt", order: "DESC" }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="student.fullName" sortable={false} />
      <TextField source="section.courseName" sortable={false} />
      <TextField source="school.name" sortable={false} />
      <TextField source="gradingItem.name" sortable={false} />
      <TextField source="value" />
      <TextField source="enteredBy.fullName" sortable={false} emptyText="—" />
      <DateField source="updatedAt" showTime options={LA_DATETIME} />
    </Datagrid>
  </List>
);
