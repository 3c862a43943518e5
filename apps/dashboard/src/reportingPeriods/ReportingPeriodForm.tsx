import { DateInput, SelectInput, SimpleForm, TextInput, regex, required, useRecordContext } from "react-admin";
import { periodLevels } from "../common/choices";

type PeriodValues = { originalDeadline?: string; currentDeadline?: string; deadlineChangeReason?: string | null };

export const ReportingPeriodForm = ({ create }: { create?: boolean }) => {
  const record = useRecordContext<PeriodValues>();
  // Every move of the deadline is kept with its reason: the API refuses a move without one.
  const validate = (values: PeriodValues) => {
    const from = create ? values.originalDeadline : record?.currentDeadline;
    const moves = Boolean(values.currentDeadline) && values.currentDeadline !== from;
    return moves && !values.deadlineChangeReason?.trim() ? { deadlineChangeReason: "Say why the deadline moves: it is kept with the change" } : {};
  };
  return (
    <SimpleForm validate={validate}>
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
      <TextInput
        source="deadlineChangeReason"
        multiline
        fullWidth
        helperText="Needed when the deadline moves: kept with the change, with who made it and when"
      />
    </SimpleForm>
  );
};
