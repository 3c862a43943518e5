import { Datagrid, List, NumberField, SearchInput, TextField } from "react-admin";

export const EscList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]} sort={{ field: "name", order: "ASC" }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="name" />
      <NumberField source="schoolCount" sortable={false} />
    </Datagrid>
  </List>
);
