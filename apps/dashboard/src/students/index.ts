import PersonIcon from "@mui/icons-material/Person";
import { StudentCreate } from "./StudentCreate";
import { StudentEdit } from "./StudentEdit";
import { StudentList } from "./StudentList";
import { StudentShow } from "./StudentShow";

export default { list: StudentList, show: StudentShow, edit: StudentEdit, create: StudentCreate, icon: PersonIcon, recordRepresentation: "fullName" };
