import BadgeIcon from "@mui/icons-material/Badge";
import {
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  Edit,
  EmailField,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  AutocompleteInput,
  email,
  regex,
  required,
} from "react-admin";
import { roles } from "../common/choices";

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name, email or number" />,
  <SelectInput key="role" source="role" choices={roles} alwaysOn />,
  <ReferenceInput key="escId" source="escId" reference="escs">
    <SelectInput optionText="name" label="ESC" />
  </ReferenceInput>,
  <ReferenceInput key="schoolId" source="schoolId" reference="schools">
    <AutocompleteInput optionText="name" label="School" filterToQuery={(q) => ({ q })} />
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
      <TextField source="school.name" label="School" sortable={false} emptyText="—" />
      <TextField source="esc.name" label="ESC" sortable={false} emptyText="—" />
      <BooleanField source="active" />
    </Datagrid>
  </List>
);

export const EmployeeShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="employeeNumber" />
      <TextField source="fullName" />
      <EmailField source="email" />
      <SelectField source="role" choices={roles} />
      <ReferenceField source="schoolId" reference="schools" link="show" emptyText="—" />
      <ReferenceField source="escId" reference="escs" link="show" emptyText="—" />
      <TextField source="workdayStart" />
      <TextField source="workdayEnd" />
      <BooleanField source="active" />
    </SimpleShowLayout>
  </Show>
);

const TIME = regex(/^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$/, "HH:MM");

const EmployeeForm = () => (
  <SimpleForm>
    <TextInput source="employeeNumber" validate={[required(), regex(/^E[0-9]{7}$/, "Like E0001234")]} />
    <TextInput source="firstName" validate={required()} />
    <TextInput source="lastName" validate={required()} />
    <TextInput source="email" type="email" validate={[required(), email()]} />
    <SelectInput source="role" choices={roles} validate={required()} />
    <ReferenceInput source="schoolId" reference="schools">
      <AutocompleteInput optionText="name" label="School (teachers and principals)" filterToQuery={(q) => ({ q })} />
    </ReferenceInput>
    <ReferenceInput source="escId" reference="escs">
      <SelectInput optionText="name" label="ESC (ESC staff)" emptyText="—" />
    </ReferenceInput>
    <TextInput source="workdayStart" validate={TIME} />
    <TextInput source="workdayEnd" validate={TIME} />
    <BooleanInput source="active" defaultValue />
  </SimpleForm>
);

export const EmployeeEdit = () => (
  <Edit mutationMode="pessimistic">
    <EmployeeForm />
  </Edit>
);

export const EmployeeCreate = () => (
  <Create redirect="show">
    <EmployeeForm />
  </Create>
);

export default { list: EmployeeList, show: EmployeeShow, edit: EmployeeEdit, create: EmployeeCreate, icon: BadgeIcon, recordRepresentation: "fullName" };
