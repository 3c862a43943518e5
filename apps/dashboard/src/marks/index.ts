import GradingIcon from "@mui/icons-material/Grading";
import { lazyPage } from "../common/lazyPage";

const MarkList = lazyPage(() => import("./MarkList"), "MarkList");
const MarkShow = lazyPage(() => import("./MarkShow"), "MarkShow");

// A mark is named by whose mark on what, never by its row id ("Mark #8496").
const markName = (r: { student?: { fullName: string }; gradingItem?: { name: string } }) => `${r.student?.fullName ?? ""} · ${r.gradingItem?.name ?? ""}`;

export default { list: MarkList, show: MarkShow, icon: GradingIcon, recordRepresentation: markName };
