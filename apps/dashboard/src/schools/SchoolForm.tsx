import { AutocompleteInput, NumberInput, ReferenceInput, SelectInput, SimpleForm, TextInput, minValue, regex, required } from "react-admin";
import { schoolLevels } from "../common/choices";

export const SchoolForm = () => (
  <SimpleForm>
    <TextInput source="locationCode" validate={[required(), regex(/^[0-9]{4}$/, "Four digits")]} />
    <TextInput source="name" validate={required()} />
    <SelectInput source="level" choices={schoolLevels} validate={required()} />
    <ReferenceInput source="escId" reference="escs">
      <SelectInput optionText="name" validate={required()} />
    </ReferenceInput>
    <ReferenceInput source="principalId" reference="employees" filter={{ role: "PRINCIPAL" }}>
      <AutocompleteInput optionText="fullName" />
    </ReferenceInput>
    <NumberInput source="enrollment" validate={minValue(0)} />
  </SimpleForm>
);
