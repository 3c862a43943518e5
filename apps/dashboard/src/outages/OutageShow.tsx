import { DateField, NumberField, SelectField, Show, SimpleShowLayout, TextField, useRecordContext } from "react-admin";
import { LA_DATETIME, outageKinds } from "../common/choices";
import { OutageReport } from "./OutageReport";

const OutageShowReport = () => {
  const record = useRecordContext();
  if (!record) return null;
  return <OutageReport query={{ outageId: String(record.id) }} emptyText="No marks were entered during this outage" />;
};

export const OutageShow = () => (
  <Show>
    <SimpleShowLayout>
      <SelectField source="kind" choices={outageKinds} />
      <DateField source="startsAt" showTime options={LA_DATETIME} />
      <DateField source="endsAt" showTime options={LA_DATETIME} />
      <NumberField source="durationMinutes" />
      <TextField source="description" />
    </SimpleShowLayout>
    <OutageShowReport />
  </Show>
);
