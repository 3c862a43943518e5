import PersonIcon from "@mui/icons-material/Person";
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
  SimpleShowLayout,
  TextField,
  TextInput,
  regex,
  required,
} from "react-admin";
import { gradeLevels, LA_DATETIME } from "../common/choices";

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name or student id" />,
  <ReferenceInput key="schoolId" source="schoolId" reference="schools" alwaysOn>
    <AutocompleteInput optionText="name" label="School" filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
  <ReferenceInput key="escId" source="escId" reference="escs">
    <SelectInput optionText="name" label="ESC" />
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
      <ReferenceField source="schoolId" reference="schools" link="show" sortable />
    </Datagrid>
  </List>
);

export const StudentShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="districtStudentId" />
      <TextField source="fullName" />
      <SelectField source="gradeLevel" choices={gradeLevels} />
      <ReferenceField source="schoolId" reference="schools" link="show" />
      <ReferenceManyField label="Marks" reference="marks" target="studentId" sort={{ field: "updatedAt", order: "DESC" }} pagination={<Pagination />} perPage={10}>
        <Datagrid bulkActionButtons={false} rowClick="show" empty={<p>No marks entered yet.</p>}>
          <TextField source="period.name" label="Reporting period" sortable={false} />
          <TextField source="section.courseName" label="Section" sortable={false} />
          <TextField source="gradingItem.name" label="Item" sortable={false} />
          <TextField source="value" />
          <DateField source="updatedAt" showTime options={LA_DATETIME} />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);

const StudentForm = () => (
  <SimpleForm>
    <TextInput source="districtStudentId" validate={[required(), regex(/^[0-9]{10}$/, "Ten digits")]} />
    <TextInput source="firstName" validate={required()} />
    <TextInput source="lastName" validate={required()} />
    <SelectInput source="gradeLevel" choices={gradeLevels} validate={required()} />
    <ReferenceInput source="schoolId" reference="schools">
      <AutocompleteInput optionText="name" label="School" filterToQuery={(q) => ({ q })} validate={required()} />
    </ReferenceInput>
  </SimpleForm>
);

export const StudentEdit = () => (
  <Edit mutationMode="pessimistic">
    <StudentForm />
  </Edit>
);

export const StudentCreate = () => (
  <Create redirect="show">
    <StudentForm />
  </Create>
);

export default { list: StudentList, show: StudentShow, edit: StudentEdit, create: StudentCreate, icon: PersonIcon, recordRepresentation: "fullName" };
