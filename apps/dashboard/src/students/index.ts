import PersonIcon from "@mui/icons-material/Person";
import { lazyPage } from "../common/lazyPage";

const StudentCreate = lazyPage(() => import("./StudentCreate"), "StudentCreate");
const StudentEdit = lazyPage(() => import("./StudentEdit"), "StudentEdit");
const StudentList = lazyPage(() => import("./StudentList"), "StudentList");
const StudentShow = lazyPage(() => import("./StudentShow"), "StudentShow");

export default { list: StudentList, show: StudentShow, edit: StudentEdit, create: StudentCreate, icon: PersonIcon, recordRepresentation: "fullName" };
