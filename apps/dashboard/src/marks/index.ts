import GradingIcon from "@mui/icons-material/Grading";
import { MarkList } from "./MarkList";
import { MarkShow } from "./MarkShow";

export default { list: MarkList, show: MarkShow, icon: GradingIcon };
