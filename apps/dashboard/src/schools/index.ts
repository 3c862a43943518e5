import SchoolIcon from "@mui/icons-material/School";
import { SchoolCreate } from "./SchoolCreate";
import { SchoolEdit } from "./SchoolEdit";
import { SchoolList } from "./SchoolList";
import { SchoolShow } from "./SchoolShow";

export default { list: SchoolList, show: SchoolShow, edit: SchoolEdit, create: SchoolCreate, icon: SchoolIcon, recordRepresentation: "name" };
