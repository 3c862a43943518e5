import PowerOffIcon from "@mui/icons-material/PowerOff";
import { Create, Datagrid, DateField, DateTimeInput, Edit, List, NumberField, SelectField, SelectInput, Show, SimpleForm, SimpleShowLayout, TextField, TextInput, required } from "react-admin";
import { LA_DATETIME, outageKinds } from "../common/choices";

export const OutageList = () => (
  <List filters={[<SelectInput key="kind" source="kind" choices={outageKinds} alwaysOn />]} sort={{ field: "startsAt", order: "DESC" }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <SelectField source="kind" choices={outageKinds} />
      <DateField source="startsAt" showTime options={LA_DATETIME} />
      <DateField source="endsAt" showTime options={LA_DATETIME} />
      <NumberField source="durationMinutes" label="Minutes" sortable={false} />
      <TextField source="description" sortable={false} />
    </Datagrid>
  </List>
);

export const OutageShow = () => (
  <Show>
    <SimpleShowLayout>
      <SelectField source="kind" choices={outageKinds} />
      <DateField source="startsAt" showTime options={LA_DATETIME} />
      <DateField source="endsAt" showTime options={LA_DATETIME} />
      <NumberField source="durationMinutes" label="Minutes" />
      <TextField source="description" />
    </SimpleShowLayout>
  </Show>
);

const OutageForm = () => (
  <SimpleForm>
    <SelectInput source="kind" choices={outageKinds} validate={required()} />
    <DateTimeInput source="startsAt" validate={required()} />
    <DateTimeInput source="endsAt" validate={required()} />
    <TextInput source="description" multiline validate={required()} />
  </SimpleForm>
);

export const OutageEdit = () => (
  <Edit mutationMode="pessimistic">
    <OutageForm />
  </Edit>
);

export const OutageCreate = () => (
  <Create redirect="list">
    <OutageForm />
  </Create>
);

export default { list: OutageList, show: OutageShow, edit: OutageEdit, create: OutageCreate, icon: PowerOffIcon };
