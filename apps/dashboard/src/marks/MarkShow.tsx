import { DateField, NumberField, ReferenceField, Show, SimpleShowLayout, TextField } from "react-admin";
import { LA_DATETIME } from "../common/choices";
import { MarkHistory } from "./MarkHistory";

export const MarkShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="studentId" reference="students" link="show" />
      <ReferenceField source="sectionId" reference="sections" link="show" />
      <ReferenceField source="periodId" reference="reportingPeriods" link="show" />
      <TextField source="gradingItem.name" />
      <TextField source="value" />
      <TextField source="comment" emptyText="—" />
      <ReferenceField source="enteredById" reference="employees" link="show" emptyText="—" />
      <DateField source="enteredAt" showTime options={LA_DATETIME} />
      <DateField source="updatedAt" showTime options={LA_DATETIME} />
      <NumberField source="version" />
      <MarkHistory />
    </SimpleShowLayout>
  </Show>
);
