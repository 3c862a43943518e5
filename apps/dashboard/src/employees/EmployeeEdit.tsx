import { Edit } from "react-admin";
import { EmployeeForm } from "./EmployeeForm";

export const EmployeeEdit = () => (
  <Edit mutationMode="pessimistic">
    <EmployeeForm />
  </Edit>
);
