import BuildIcon from "@mui/icons-material/Build";
import { lazyPage } from "../common/lazyPage";

const MaintenanceWindowCreate = lazyPage(() => import("./MaintenanceWindowCreate"), "MaintenanceWindowCreate");
const MaintenanceWindowEdit = lazyPage(() => import("./MaintenanceWindowEdit"), "MaintenanceWindowEdit");
const MaintenanceWindowList = lazyPage(() => import("./MaintenanceWindowList"), "MaintenanceWindowList");
const MaintenanceWindowShow = lazyPage(() => import("./MaintenanceWindowShow"), "MaintenanceWindowShow");

export default {
  list: MaintenanceWindowList,
  show: MaintenanceWindowShow,
  edit: MaintenanceWindowEdit,
  create: MaintenanceWindowCreate,
  icon: BuildIcon,
  recordRepresentation: "name",
};
