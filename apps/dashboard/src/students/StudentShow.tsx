import { Datagrid, DateField, Pagination, ReferenceField, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField } from "react-admin";
import { gradeLevels, LA_DATETIME } from "../common/choices";

export const StudentShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="districtStudentId" />
      <TextField source="fullName" />
      <SelectField source="gradeLevel" choices={gradeLevels} />
      <ReferenceField source="schoolId" reference="schools" link="show" />
      <ReferenceManyField label="Marks" reference="marks" target="studentId" sort={{ field: "updatedAt", order: "DESC" }} pagination={<Pagination />} perPage={10}>
        <Datagrid bulkActionButtons={false} rowClick="show" empty={<p>No marks entered yet.</p>}>
          <TextField source="period.name" sortable={false} />
          <TextField source="section.courseName" sortable={false} />
          <TextField source="gradingItem.name" sortable={false} />
          <TextField source="value" />
          <DateField source="updatedAt" showTime options={LA_DATETIME} />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
