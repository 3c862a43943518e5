import PaidIcon from "@mui/icons-material/Paid";
import { lazyPage } from "../common/lazyPage";

const CompensationLogList = lazyPage(() => import("./CompensationLogList"), "CompensationLogList");

export default { list: CompensationLogList, icon: PaidIcon, recordRepresentation: (r: { employeeName: string; workDate: string }) => `${r.employeeName}, ${r.workDate}` };
