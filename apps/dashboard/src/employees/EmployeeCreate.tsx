import { Create } from "react-admin";
import { EmployeeForm } from "./EmployeeForm";

export const EmployeeCreate = () => (
  <Create mutationMode="pessimistic" redirect="show">
    <EmployeeForm />
  </Create>
);
