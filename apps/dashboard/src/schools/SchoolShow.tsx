import { Datagrid, NumberField, Pagination, ReferenceField, ReferenceManyField, SelectField, Show, TabbedShowLayout, TextField } from "react-admin";
import { gradeLevels, schoolLevels } from "../common/choices";

export const SchoolShow = () => (
  <Show>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Summary">
        <TextField source="locationCode" />
        <TextField source="name" />
        <SelectField source="level" choices={schoolLevels} />
        <ReferenceField source="escId" reference="escs" link="show" />
        <ReferenceField source="principalId" reference="employees" link="show" emptyText="(vacant)" />
        <NumberField source="enrollment" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Sections" path="sections">
        <ReferenceManyField reference="sections" target="schoolId" sort={{ field: "courseName", order: "ASC" }} pagination={<Pagination />} perPage={10}>
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<p>No sections at this school.</p>}>
            <TextField source="courseName" />
            <SelectField source="gradeLevel" choices={gradeLevels} />
            <TextField source="teacher.fullName" sortable={false} />
            <NumberField source="enrolledCount" sortable={false} />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Students" path="students">
        <ReferenceManyField reference="students" target="schoolId" sort={{ field: "lastName", order: "ASC" }} pagination={<Pagination />} perPage={10}>
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<p>No students at this school.</p>}>
            <TextField source="districtStudentId" />
            <TextField source="lastName" />
            <TextField source="firstName" />
            <SelectField source="gradeLevel" choices={gradeLevels} />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
