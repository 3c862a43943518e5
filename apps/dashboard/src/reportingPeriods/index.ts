import EventIcon from "@mui/icons-material/Event";
import { lazyPage } from "../common/lazyPage";

const ReportingPeriodCreate = lazyPage(() => import("./ReportingPeriodCreate"), "ReportingPeriodCreate");
const ReportingPeriodEdit = lazyPage(() => import("./ReportingPeriodEdit"), "ReportingPeriodEdit");
const ReportingPeriodList = lazyPage(() => import("./ReportingPeriodList"), "ReportingPeriodList");
const ReportingPeriodShow = lazyPage(() => import("./ReportingPeriodShow"), "ReportingPeriodShow");

export default {
  list: ReportingPeriodList,
  show: ReportingPeriodShow,
  edit: ReportingPeriodEdit,
  create: ReportingPeriodCreate,
  icon: EventIcon,
  recordRepresentation: "name",
};
