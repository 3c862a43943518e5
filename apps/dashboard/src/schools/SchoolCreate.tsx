import { Create } from "react-admin";
import { SchoolForm } from "./SchoolForm";

export const SchoolCreate = () => (
  <Create mutationMode="pessimistic" redirect="show">
    <SchoolForm />
  </Create>
);
