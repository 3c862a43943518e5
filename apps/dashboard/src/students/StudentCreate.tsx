import { Create } from "react-admin";
import { StudentForm } from "./StudentForm";

export const StudentCreate = () => (
  <Create mutationMode="pessimistic" redirect="show">
    <StudentForm />
  </Create>
);
