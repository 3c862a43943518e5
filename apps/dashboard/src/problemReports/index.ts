import ReportProblemIcon from "@mui/icons-material/ReportProblem";
import { lazyPage } from "../common/lazyPage";

const ProblemReportCreate = lazyPage(() => import("./ProblemReportCreate"), "ProblemReportCreate");
const ProblemReportList = lazyPage(() => import("./ProblemReportList"), "ProblemReportList");
const ProblemReportShow = lazyPage(() => import("./ProblemReportShow"), "ProblemReportShow");

export default { list: ProblemReportList, show: ProblemReportShow, create: ProblemReportCreate, icon: ReportProblemIcon, recordRepresentation: "title" };
