import { Edit } from "react-admin";
import { OutageForm } from "./OutageForm";

export const OutageEdit = () => (
  <Edit mutationMode="pessimistic">
    <OutageForm />
  </Edit>
);
