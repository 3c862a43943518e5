import { Edit } from "react-admin";
import { MaintenanceWindowForm } from "./MaintenanceWindowForm";

export const MaintenanceWindowEdit = () => (
  <Edit mutationMode="pessimistic">
    <MaintenanceWindowForm />
  </Edit>
);
