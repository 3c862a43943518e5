import { Create } from "react-admin";
import { SectionForm } from "./SectionForm";

export const SectionCreate = () => (
  <Create mutationMode="pessimistic" redirect="show">
    <SectionForm create />
  </Create>
);
