import AccountTreeIcon from "@mui/icons-material/AccountTree";
import { Datagrid, List, NumberField, Pagination, ReferenceManyField, SearchInput, Show, SimpleShowLayout, TextField } from "react-admin";
import { schoolLevels } from "../common/choices";
import { SelectField } from "react-admin";

export const EscList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]} sort={{ field: "name", order: "ASC" }} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="name" />
      <NumberField source="schoolCount" label="Schools" sortable={false} />
    </Datagrid>
  </List>
);

export const EscShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="name" />
      <ReferenceManyField label="Schools" reference="schools" target="escId" sort={{ field: "name", order: "ASC" }} pagination={<Pagination />} perPage={10}>
        <Datagrid rowClick="show" bulkActionButtons={false} empty={<p>No schools in this ESC.</p>}>
          <TextField source="locationCode" />
          <TextField source="name" />
          <SelectField source="level" choices={schoolLevels} />
          <NumberField source="enrollment" />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);

export default { list: EscList, show: EscShow, icon: AccountTreeIcon, recordRepresentation: "name" };
