import ClassIcon from "@mui/icons-material/Class";
import { lazyPage } from "../common/lazyPage";

// Course names repeat across schools ("AVID - Period 1" in a dozen): say whose and where.
const sectionName = (r: { courseName: string; teacher?: { fullName: string } | null; school?: { name: string } | null }) =>
  `${r.courseName} (${[r.teacher?.fullName, r.school?.name].filter(Boolean).join(", ")})`;

const SectionCreate = lazyPage(() => import("./SectionCreate"), "SectionCreate");
const SectionEdit = lazyPage(() => import("./SectionEdit"), "SectionEdit");
const SectionList = lazyPage(() => import("./SectionList"), "SectionList");
const SectionShow = lazyPage(() => import("./SectionShow"), "SectionShow");

export default { list: SectionList, show: SectionShow, edit: SectionEdit, create: SectionCreate, icon: ClassIcon, recordRepresentation: sectionName };
