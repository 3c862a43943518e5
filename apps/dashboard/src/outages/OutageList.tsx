import { Datagrid, DateField, FunctionField, List, NumberField, SelectField, SelectInput, TextField } from "react-admin";
import { LA_DATETIME, outageKinds } from "../common/choices";
import { tense, useDistrictNow } from "../common/useDistrictNow";

// The one unplanned outage is what people come for; the nightly maintenance rows are one choice away.
export const OutageList = () => {
  const now = useDistrictNow();
  return (
    <List
      filters={[<SelectInput key="kind" source="kind" choices={outageKinds} alwaysOn />]}
      filterDefaultValues={{ kind: "UNPLANNED" }}
      sort={{ field: "startsAt", order: "DESC" }}
      perPage={25}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <SelectField source="kind" choices={outageKinds} />
        <FunctionField source="when" sortable={false} render={(r: { startsAt: string; endsAt: string }) => tense(now, r.startsAt, r.endsAt)} />
        <DateField source="startsAt" showTime options={LA_DATETIME} />
        <DateField source="endsAt" showTime options={LA_DATETIME} />
        <NumberField source="durationMinutes" sortable={false} />
        <TextField source="description" sortable={false} />
      </Datagrid>
    </List>
  );
};
