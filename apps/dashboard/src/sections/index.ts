import ClassIcon from "@mui/icons-material/Class";
import { SectionCreate } from "./SectionCreate";
import { SectionEdit } from "./SectionEdit";
import { SectionList } from "./SectionList";
import { SectionShow } from "./SectionShow";

export default { list: SectionList, show: SectionShow, edit: SectionEdit, create: SectionCreate, icon: ClassIcon, recordRepresentation: "courseName" };
