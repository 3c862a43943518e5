import {
  Datagrid,
  DateField,
  NumberField,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  usePermissions,
  useRecordContext,
} from "react-admin";
import { type Role, roleMay } from "../authProvider";
import { gradeLevels, LA_DATETIME, sectionReportCards } from "../common/choices";
import { SectionMarksActions } from "../imports/SectionMarksActions";
import { EnrollStudent, UnenrollButton } from "./SectionRosterActions";

const SectionRoster = () => {
  const section = useRecordContext();
  const { permissions } = usePermissions<Role>();
  const mayChange = roleMay(permissions, "sections", "edit");
  return (
    <>
      {mayChange && <EnrollStudent />}
      <ReferenceManyField reference="students" target="sectionId" sort={{ field: "lastName", order: "ASC" }} pagination={<Pagination />} perPage={25}>
        <Datagrid rowClick="show" bulkActionButtons={false} empty={<p>No students enrolled.</p>}>
          <TextField source="districtStudentId" />
          <TextField source="lastName" />
          <TextField source="firstName" />
          {mayChange && section && <UnenrollButton sectionId={String(section.id)} />}
        </Datagrid>
      </ReferenceManyField>
    </>
  );
};

export const SectionShow = () => (
  <Show actions={<SectionMarksActions />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Summary">
        <TextField source="courseName" />
        <SelectField source="gradeLevel" choices={gradeLevels} />
        <SelectField source="level" choices={sectionReportCards} />
        <ReferenceField source="schoolId" reference="schools" link="show" />
        <ReferenceField source="teacherId" reference="employees" link="show" />
        <NumberField source="enrolledCount" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Students" path="students">
        <SectionRoster />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Marks" path="marks">
        <ReferenceManyField reference="marks" target="sectionId" sort={{ field: "updatedAt", order: "DESC" }} pagination={<Pagination />} perPage={25}>
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<p>No marks entered yet.</p>}>
            <TextField source="student.fullName" sortable={false} />
            <TextField source="gradingItem.name" sortable={false} />
            <TextField source="value" />
            <DateField source="updatedAt" showTime options={LA_DATETIME} />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
