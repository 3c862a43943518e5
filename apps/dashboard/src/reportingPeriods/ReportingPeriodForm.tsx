import { DateInput, SelectInput, SimpleForm, TextInput, regex, required } from "react-admin";
import { periodLevels } from "../common/choices";

export const ReportingPeriodForm = ({ create }: { create?: boolean }) => (
  <SimpleForm>
    {create && <TextInput source="schoolYear" validate={[required(), regex(/^[0-9]{4}-[0-9]{2}$/, "Like 2014-15")]} />}
    <TextInput source="name" validate={required()} />
    {create && (
      <SelectInput
        source="level"
        choices={periodLevels}
        validate={required()}
        helperText="Marked on the district's standard items: elementary standards 1-4 in six subjects, secondary a letter mark, both work habits and cooperation E/S/U"
      />
    )}
    <DateInput source="windowOpensOn" validate={required()} />
    <DateInput source="originalDeadline" validate={required()} />
    <DateInput source="currentDeadline" validate={required()} helperText="Extend the deadline: marks are accepted to the end of this day, Los Angeles time" />
  </SimpleForm>
);
