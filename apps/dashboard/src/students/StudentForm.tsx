import { AutocompleteInput, ReferenceInput, SelectInput, SimpleForm, TextInput, regex, required } from "react-admin";
import { gradeLevels } from "../common/choices";

export const StudentForm = () => (
  <SimpleForm>
    <TextInput source="districtStudentId" validate={[required(), regex(/^[0-9]{10}$/, "Ten digits")]} />
    <TextInput source="firstName" validate={required()} />
    <TextInput source="lastName" validate={required()} />
    <SelectInput source="gradeLevel" choices={gradeLevels} validate={required()} />
    <ReferenceInput source="schoolId" reference="schools">
      <AutocompleteInput optionText="name" validate={required()} />
    </ReferenceInput>
  </SimpleForm>
);
