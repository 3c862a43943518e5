import SchoolIcon from "@mui/icons-material/School";
import { lazyPage } from "../common/lazyPage";

const SchoolCreate = lazyPage(() => import("./SchoolCreate"), "SchoolCreate");
const SchoolEdit = lazyPage(() => import("./SchoolEdit"), "SchoolEdit");
const SchoolList = lazyPage(() => import("./SchoolList"), "SchoolList");
const SchoolShow = lazyPage(() => import("./SchoolShow"), "SchoolShow");

export default { list: SchoolList, show: SchoolShow, edit: SchoolEdit, create: SchoolCreate, icon: SchoolIcon, recordRepresentation: "name" };
