import BadgeIcon from "@mui/icons-material/Badge";
import { lazyPage } from "../common/lazyPage";

const EmployeeCreate = lazyPage(() => import("./EmployeeCreate"), "EmployeeCreate");
const EmployeeEdit = lazyPage(() => import("./EmployeeEdit"), "EmployeeEdit");
const EmployeeList = lazyPage(() => import("./EmployeeList"), "EmployeeList");
const EmployeeShow = lazyPage(() => import("./EmployeeShow"), "EmployeeShow");

export default { list: EmployeeList, show: EmployeeShow, edit: EmployeeEdit, create: EmployeeCreate, icon: BadgeIcon, recordRepresentation: "fullName" };
