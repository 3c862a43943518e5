import { Create } from "react-admin";
import { ReportingPeriodForm } from "./ReportingPeriodForm";

export const ReportingPeriodCreate = () => (
  <Create mutationMode="pessimistic" redirect="show">
    <ReportingPeriodForm create />
  </Create>
);
