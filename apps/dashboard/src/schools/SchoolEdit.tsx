import { Edit } from "react-admin";
import { SchoolForm } from "./SchoolForm";

export const SchoolEdit = () => (
  <Edit mutationMode="pessimistic">
    <SchoolForm />
  </Edit>
);
