import GradingIcon from "@mui/icons-material/Grading";
import { lazyPage } from "../common/lazyPage";

const MarkList = lazyPage(() => import("./MarkList"), "MarkList");
const MarkShow = lazyPage(() => import("./MarkShow"), "MarkShow");

export default { list: MarkList, show: MarkShow, icon: GradingIcon };
