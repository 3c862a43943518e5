import { Edit } from "react-admin";
import { ReportingPeriodForm } from "./ReportingPeriodForm";

export const ReportingPeriodEdit = () => (
  <Edit mutationMode="pessimistic">
    <ReportingPeriodForm />
  </Edit>
);
