import { Edit } from "react-admin";
import { StudentForm } from "./StudentForm";

export const StudentEdit = () => (
  <Edit mutationMode="pessimistic">
    <StudentForm />
  </Edit>
);
