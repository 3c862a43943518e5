import EventIcon from "@mui/icons-material/Event";
import { ReportingPeriodCreate } from "./ReportingPeriodCreate";
import { ReportingPeriodEdit } from "./ReportingPeriodEdit";
import { ReportingPeriodList } from "./ReportingPeriodList";
import { ReportingPeriodShow } from "./ReportingPeriodShow";

export default {
  list: ReportingPeriodList,
  show: ReportingPeriodShow,
  edit: ReportingPeriodEdit,
  create: ReportingPeriodCreate,
  icon: EventIcon,
  recordRepresentation: "name",
};
