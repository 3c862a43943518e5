import { Typography } from "@mui/material";
import { useMemo } from "react";
import {
  AutocompleteInput,
  Create,
  DateInput,
  FormDataConsumer,
  ReferenceArrayInput,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  useGetIdentity,
  useGetList,
  usePermissions,
} from "react-admin";
import { reachOf } from "@gradewatch/domain/policy";
import type { Role } from "../authProvider";
import { LA_DATETIME } from "../common/choices";
import { useDistrictNow } from "../common/useDistrictNow";
import { reportCategories, reportSeverities } from "./choices";

const outageName = (o: { startsAt: string; description: string }) => `${new Date(o.startsAt).toLocaleString("en-US", LA_DATETIME)} — ${o.description}`;

const ExtensionReason = () => (
  <FormDataConsumer<{ extensionRequestedTo?: string }>>
    {({ formData }) => (formData.extensionRequestedTo ? <TextInput source="extensionRequestReason" label="Why the school needs it" multiline fullWidth validate={required()} /> : null)}
  </FormDataConsumer>
);

// One click from the landing page: the school is the principal's own (the API fills it in), the outage
// under way or just over is offered first, and an extension can be asked for in the same breath.
export const ProblemReportCreate = () => {
  const { permissions } = usePermissions<Role>();
  const { identity } = useGetIdentity();
  const now = useDistrictNow();
  const operationId = useMemo(() => crypto.randomUUID(), []);
  const fileForAnySchool = !!permissions && reachOf(permissions, "problemReport.file") === "all";
  const teacher = !!permissions && reachOf(permissions, "problemReport.file") === "own";
  const { data: outages = [] } = useGetList<{ id: string; startsAt: string; endsAt: string; description: string }>("outages", {
    filter: { kind: "UNPLANNED" },
    sort: { field: "startsAt", order: "DESC" },
    pagination: { page: 1, perPage: 10 },
  });
  // The outage under way, else the latest one that has begun.
  const started = outages.filter((o) => !now || new Date(o.startsAt) <= now);
  const offered = started.find((o) => now && new Date(o.endsAt) > now) ?? started[0];
  return (
    <Create redirect="show" mutationMode="pessimistic" title="Report a problem">
      <SimpleForm defaultValues={{ operationId, severity: "HIGH", category: offered ? "DATA_LOSS" : undefined, outageId: offered?.id }} key={offered?.id ?? "none"}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {fileForAnySchool ? "Name the school the problem is at." : `For ${String(identity?.scope ?? "your school")}. Your ESC is told at once.`}
        </Typography>
        {fileForAnySchool ? (
          <ReferenceInput source="schoolId" reference="schools">
            <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} validate={required()} />
          </ReferenceInput>
        ) : null}
        <SelectInput source="category" choices={reportCategories} validate={required()} />
        <SelectInput source="severity" choices={reportSeverities} validate={required()} />
        <TextInput source="title" fullWidth validate={required()} />
        <TextInput source="description" multiline minRows={3} fullWidth validate={required()} />
        <SelectInput source="outageId" label="Related outage" choices={outages} optionText={outageName} emptyText="None" />
        <ReferenceArrayInput source="sectionIds" reference="sections" filter={teacher ? { teacherId: identity?.id } : {}} perPage={200} sort={{ field: "courseName", order: "ASC" }}>
          <SelectArrayInput optionText="courseName" label="Affected sections" validate={teacher ? required() : undefined} />
        </ReferenceArrayInput>
        <DateInput source="extensionRequestedTo" label="Ask for a deadline extension to (optional)" />
        <ExtensionReason />
      </SimpleForm>
    </Create>
  );
};
