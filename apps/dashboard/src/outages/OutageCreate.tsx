import { Create } from "react-admin";
import { OutageForm } from "./OutageForm";

export const OutageCreate = () => (
  <Create mutationMode="pessimistic" redirect="list">
    <OutageForm />
  </Create>
);
