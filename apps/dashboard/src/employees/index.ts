import BadgeIcon from "@mui/icons-material/Badge";
import { EmployeeCreate } from "./EmployeeCreate";
import { EmployeeEdit } from "./EmployeeEdit";
import { EmployeeList } from "./EmployeeList";
import { EmployeeShow } from "./EmployeeShow";

export default { list: EmployeeList, show: EmployeeShow, edit: EmployeeEdit, create: EmployeeCreate, icon: BadgeIcon, recordRepresentation: "fullName" };
