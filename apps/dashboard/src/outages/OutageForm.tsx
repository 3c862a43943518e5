import { SelectInput, SimpleForm, TextInput, required } from "react-admin";
import { outageKinds } from "../common/choices";
import { LaDateTimeInput } from "../common/LaDateTimeInput";

export const OutageForm = () => (
  <SimpleForm>
    <SelectInput source="kind" choices={outageKinds} validate={required()} />
    <LaDateTimeInput source="startsAt" validate={required()} />
    <LaDateTimeInput source="endsAt" validate={required()} />
    <TextInput source="description" multiline validate={required()} />
  </SimpleForm>
);
