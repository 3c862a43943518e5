import { Datagrid, List, NumberField, ReferenceField, ReferenceInput, SearchInput, SelectField, SelectInput, TextField } from "react-admin";
import { schoolLevels } from "../common/choices";

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name or location code" />,
  <ReferenceInput key="escId" source="escId" reference="escs" alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <SelectInput key="level" source="level" choices={schoolLevels} alwaysOn />,
];

export const SchoolList = () => (
  <List filters={filters} sort={{ field: "name", order: "ASC" }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="locationCode" />
      <TextField source="name" />
      <SelectField source="level" choices={schoolLevels} />
      <ReferenceField source="escId" reference="escs" link="show" />
      <TextField source="principal.fullName" sortable={false} emptyText="(vacant)" />
      <NumberField source="enrollment" />
    </Datagrid>
  </List>
);
