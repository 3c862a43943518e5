import { Create } from "react-admin";
import { MaintenanceWindowForm } from "./MaintenanceWindowForm";

export const MaintenanceWindowCreate = () => (
  <Create mutationMode="pessimistic" redirect="list">
    <MaintenanceWindowForm />
  </Create>
);
