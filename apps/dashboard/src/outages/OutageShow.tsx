import { DateField, NumberField, SelectField, Show, SimpleShowLayout, TextField } from "react-admin";
import { LA_DATETIME, outageKinds } from "../common/choices";

export const OutageShow = () => (
  <Show>
    <SimpleShowLayout>
      <SelectField source="kind" choices={outageKinds} />
      <DateField source="startsAt" showTime options={LA_DATETIME} />
      <DateField source="endsAt" showTime options={LA_DATETIME} />
      <NumberField source="durationMinutes" />
      <TextField source="description" />
    </SimpleShowLayout>
  </Show>
);
