import SchoolIcon from "@mui/icons-material/School";
import {
  Create,
  Datagrid,
  Edit,
  List,
  NumberField,
  NumberInput,
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
  AutocompleteInput,
  required,
  regex,
  minValue,
} from "react-admin";
import { schoolLevels } from "../common/choices";

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name or location code" />,
  <ReferenceInput key="escId" source="escId" reference="escs" alwaysOn>
    <SelectInput optionText="name" label="ESC" />
  </ReferenceInput>,
  <SelectInput key="level" source="level" choices={schoolLevels} alwaysOn />,
];

export const SchoolList = () => (
  <List filters={filters} sort={{ field: "name", order: "ASC" }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="locationCode" />
      <TextField source="name" />
      <SelectField source="level" choices={schoolLevels} />
      <ReferenceField source="escId" reference="escs" link="show" sortable />
      <TextField source="principal.fullName" label="Principal" sortable={false} emptyText="(vacant)" />
      <NumberField source="enrollment" />
    </Datagrid>
  </List>
);

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
            <NumberField source="gradeLevel" />
            <TextField source="teacher.fullName" label="Teacher" sortable={false} />
            <NumberField source="enrolledCount" label="Students" sortable={false} />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Students" path="students">
        <ReferenceManyField reference="students" target="schoolId" sort={{ field: "lastName", order: "ASC" }} pagination={<Pagination />} perPage={10}>
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<p>No students at this school.</p>}>
            <TextField source="districtStudentId" />
            <TextField source="lastName" />
            <TextField source="firstName" />
            <NumberField source="gradeLevel" />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);

const SchoolForm = () => (
  <SimpleForm>
    <TextInput source="locationCode" validate={[required(), regex(/^[0-9]{4}$/, "Four digits")]} />
    <TextInput source="name" validate={required()} />
    <SelectInput source="level" choices={schoolLevels} validate={required()} />
    <ReferenceInput source="escId" reference="escs">
      <SelectInput optionText="name" label="ESC" validate={required()} />
    </ReferenceInput>
    <ReferenceInput source="principalId" reference="employees" filter={{ role: "PRINCIPAL" }}>
      <AutocompleteInput optionText="fullName" label="Principal" filterToQuery={(q) => ({ q })} />
    </ReferenceInput>
    <NumberInput source="enrollment" validate={minValue(0)} />
  </SimpleForm>
);

export const SchoolEdit = () => (
  <Edit mutationMode="pessimistic">
    <SchoolForm />
  </Edit>
);

export const SchoolCreate = () => (
  <Create redirect="show">
    <SchoolForm />
  </Create>
);

export default {
  list: SchoolList,
  show: SchoolShow,
  edit: SchoolEdit,
  create: SchoolCreate,
  icon: SchoolIcon,
  recordRepresentation: "name",
};
