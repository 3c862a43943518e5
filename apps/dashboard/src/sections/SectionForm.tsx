import { AutocompleteInput, ReferenceInput, SelectInput, SimpleForm, TextInput, required } from "react-admin";
import { gradeLevels, sectionReportCards } from "../common/choices";

export const SectionForm = ({ create }: { create?: boolean }) => (
  <SimpleForm>
    {create && (
      <ReferenceInput source="schoolId" reference="schools">
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
    )}
    <ReferenceInput source="teacherId" reference="employees" filter={{ role: "TEACHER" }}>
      <AutocompleteInput optionText="fullName" validate={required()} />
    </ReferenceInput>
    <TextInput source="courseName" validate={required()} />
    <SelectInput source="gradeLevel" choices={gradeLevels} validate={required()} />
    <SelectInput source="level" choices={sectionReportCards} validate={required()} />
  </SimpleForm>
);
