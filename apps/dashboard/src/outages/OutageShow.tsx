import { Alert } from "@mui/material";
import { DateField, FunctionField, NumberField, SelectField, Show, SimpleShowLayout, TextField, useRecordContext } from "react-admin";
import { LA_DATETIME, outageKinds } from "../common/choices";
import { tense, useDistrictNow } from "../common/useDistrictNow";
import { OutageReport } from "./OutageReport";

const OutageShowReport = ({ now }: { now: Date | null }) => {
  const record = useRecordContext();
  if (!record || !now) return null;
  if (now < new Date(String(record.startsAt))) {
    return (
      <Alert severity="info" sx={{ mt: 2 }} data-testid="outage-report-planned">
        This has not started yet: the report of what was entered during it is ready once it has ended.
      </Alert>
    );
  }
  return <OutageReport query={{ outageId: String(record.id) }} emptyText="No marks were entered during this outage" />;
};

export const OutageShow = () => {
  const now = useDistrictNow();
  return (
    <Show>
      <SimpleShowLayout>
        <SelectField source="kind" choices={outageKinds} />
        <FunctionField source="when" render={(r: { startsAt: string; endsAt: string }) => tense(now, r.startsAt, r.endsAt)} />
        <DateField source="startsAt" showTime options={LA_DATETIME} />
        <DateField source="endsAt" showTime options={LA_DATETIME} />
        <NumberField source="durationMinutes" />
        <TextField source="description" />
      </SimpleShowLayout>
      <OutageShowReport now={now} />
    </Show>
  );
};
