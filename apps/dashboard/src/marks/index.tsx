import GradingIcon from "@mui/icons-material/Grading";
import { AutocompleteInput, Datagrid, DateField, List, NumberField, ReferenceField, ReferenceInput, SelectInput, Show, SimpleShowLayout, TextField } from "react-admin";
import { LA_DATETIME } from "../common/choices";

const filters = [
  <ReferenceInput key="periodId" source="periodId" reference="reportingPeriods" alwaysOn>
    <SelectInput optionText="name" label="Reporting period" />
  </ReferenceInput>,
  <ReferenceInput key="schoolId" source="schoolId" reference="schools" alwaysOn>
    <AutocompleteInput optionText="name" label="School" filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
  <ReferenceInput key="sectionId" source="sectionId" reference="sections">
    <AutocompleteInput optionText="courseName" label="Section" filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
  <ReferenceInput key="studentId" source="studentId" reference="students">
    <AutocompleteInput optionText="fullName" label="Student" filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
];

export const MarkList = () => (
  <List filters={filters} sort={{ field: "updatedAt", order: "DESC" }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="student.fullName" label="Student" sortable={false} />
      <TextField source="section.courseName" label="Section" sortable={false} />
      <TextField source="school.name" label="School" sortable={false} />
      <TextField source="gradingItem.name" label="Item" sortable={false} />
      <TextField source="value" />
      <TextField source="enteredBy.fullName" label="Entered by" sortable={false} emptyText="—" />
      <DateField source="updatedAt" showTime options={LA_DATETIME} />
      <NumberField source="version" />
    </Datagrid>
  </List>
);

export const MarkShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="studentId" reference="students" link="show" />
      <ReferenceField source="sectionId" reference="sections" link="show" />
      <ReferenceField source="periodId" reference="reportingPeriods" link="show" />
      <TextField source="gradingItem.name" label="Item" />
      <TextField source="value" />
      <TextField source="comment" emptyText="—" />
      <TextField source="enteredBy.fullName" label="Entered by" emptyText="—" />
      <DateField source="enteredAt" showTime options={LA_DATETIME} />
      <DateField source="updatedAt" showTime options={LA_DATETIME} />
      <NumberField source="version" />
    </SimpleShowLayout>
  </Show>
);

export default { list: MarkList, show: MarkShow, icon: GradingIcon };
