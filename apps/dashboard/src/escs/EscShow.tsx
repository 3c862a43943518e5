import { Datagrid, NumberField, Pagination, RecordRepresentation, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField } from "react-admin";
import { schoolLevels } from "../common/choices";

export const EscShow = () => (
  <Show title={<RecordRepresentation />}>
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
