import ClassIcon from "@mui/icons-material/Class";
import { lazyPage } from "../common/lazyPage";

const SectionCreate = lazyPage(() => import("./SectionCreate"), "SectionCreate");
const SectionEdit = lazyPage(() => import("./SectionEdit"), "SectionEdit");
const SectionList = lazyPage(() => import("./SectionList"), "SectionList");
const SectionShow = lazyPage(() => import("./SectionShow"), "SectionShow");

export default { list: SectionList, show: SectionShow, edit: SectionEdit, create: SectionCreate, icon: ClassIcon, recordRepresentation: "courseName" };
