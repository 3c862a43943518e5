import BuildIcon from "@mui/icons-material/Build";
import { MaintenanceWindowCreate } from "./MaintenanceWindowCreate";
import { MaintenanceWindowEdit } from "./MaintenanceWindowEdit";
import { MaintenanceWindowList } from "./MaintenanceWindowList";
import { MaintenanceWindowShow } from "./MaintenanceWindowShow";

export default {
  list: MaintenanceWindowList,
  show: MaintenanceWindowShow,
  edit: MaintenanceWindowEdit,
  create: MaintenanceWindowCreate,
  icon: BuildIcon,
  recordRepresentation: "name",
};
