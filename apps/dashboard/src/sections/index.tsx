import ClassIcon from "@mui/icons-material/Class";
import {
  AutocompleteInput,
  Create,
  Datagrid,
  DateField,
  Edit,
  List,
  NumberField,
  Pagination,
  ReferenceField,
  ReferenceInput,
  ReferenceManyField,
  SearchInput,
  SelectField,
  SelectInput,
  Show,
  SimpleForm,
  TabbedShowLayout,
  TextField,
  TextInput,
  required,
} from "react-admin";
import { gradeLevels, LA_DATETIME, periodLevels } from "../common/choices";

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Course" />,
  <ReferenceInput key="schoolId" source="schoolId" reference="schools" alwaysOn>
    <AutocompleteInput optionText="name" label="School" filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
  <ReferenceInput key="teacherId" source="teacherId" reference="employees" filter={{ role: "TEACHER" }}>
    <AutocompleteInput optionText="fullName" label="Teacher" filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
  <SelectInput key="level" source="level" choices={periodLevels} />,
];

export const SectionList = () => (
  <List filters={filters} sort={{ field: "courseName", order: "ASC" }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="courseName" />
      <SelectField source="gradeLevel" choices={gradeLevels} />
      <SelectField source="level" choices={periodLevels} />
      <ReferenceField source="schoolId" reference="schools" link="show" sortable />
      <TextField source="teacher.fullName" label="Teacher" sortable={false} />
      <NumberField source="enrolledCount" label="Students" sortable={false} />
    </Datagrid>
  </List>
);

export const SectionShow = () => (
  <Show>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Summary">
        <TextField source="courseName" />
        <SelectField source="gradeLevel" choices={gradeLevels} />
        <SelectField source="level" choices={periodLevels} />
        <ReferenceField source="schoolId" reference="schools" link="show" />
        <ReferenceField source="teacherId" reference="employees" link="show" />
        <NumberField source="enrolledCount" label="Students" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Students" path="students">
        <ReferenceManyField reference="students" target="sectionId" sort={{ field: "lastName", order: "ASC" }} pagination={<Pagination />} perPage={25}>
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<p>No students enrolled.</p>}>
            <TextField source="districtStudentId" />
            <TextField source="lastName" />
            <TextField source="firstName" />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Marks" path="marks">
        <ReferenceManyField reference="marks" target="sectionId" sort={{ field: "updatedAt", order: "DESC" }} pagination={<Pagination />} perPage={25}>
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<p>No marks entered yet.</p>}>
            <TextField source="student.fullName" label="Student" sortable={false} />
            <TextField source="gradingItem.name" label="Item" sortable={false} />
            <TextField source="value" />
            <DateField source="updatedAt" showTime options={LA_DATETIME} />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);

const SectionForm = ({ create }: { create?: boolean }) => (
  <SimpleForm>
    {create && (
      <ReferenceInput source="schoolId" reference="schools">
        <AutocompleteInput optionText="name" label="School" filterToQuery={(q) => ({ q })} validate={required()} />
      </ReferenceInput>
    )}
    <ReferenceInput source="teacherId" reference="employees" filter={{ role: "TEACHER" }}>
      <AutocompleteInput optionText="fullName" label="Teacher" filterToQuery={(q) => ({ q })} validate={required()} />
    </ReferenceInput>
    <TextInput source="courseName" validate={required()} />
    <SelectInput source="gradeLevel" choices={gradeLevels} validate={required()} />
    <SelectInput source="level" choices={periodLevels} validate={required()} />
  </SimpleForm>
);

export const SectionEdit = () => (
  <Edit mutationMode="pessimistic">
    <SectionForm />
  </Edit>
);

export const SectionCreate = () => (
  <Create redirect="show">
    <SectionForm create />
  </Create>
);

export default { list: SectionList, show: SectionShow, edit: SectionEdit, create: SectionCreate, icon: ClassIcon, recordRepresentation: "courseName" };
