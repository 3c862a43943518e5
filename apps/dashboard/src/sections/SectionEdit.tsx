import { Edit } from "react-admin";
import { SectionForm } from "./SectionForm";

export const SectionEdit = () => (
  <Edit mutationMode="pessimistic">
    <SectionForm />
  </Edit>
);
