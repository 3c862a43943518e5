import PowerOffIcon from "@mui/icons-material/PowerOff";
import { LA_DATETIME } from "../common/choices";
import { lazyPage } from "../common/lazyPage";

// Named by when it was and what kind: the description is a paragraph, too long for a title.
const outageName = (r: { kind: string; startsAt: string }) =>
  `${new Date(r.startsAt).toLocaleString("en-US", LA_DATETIME)}, ${r.kind === "MAINTENANCE" ? "maintenance" : "unplanned"}`;

const OutageCreate = lazyPage(() => import("./OutageCreate"), "OutageCreate");
const OutageEdit = lazyPage(() => import("./OutageEdit"), "OutageEdit");
const OutageList = lazyPage(() => import("./OutageList"), "OutageList");
const OutageShow = lazyPage(() => import("./OutageShow"), "OutageShow");

export default { list: OutageList, show: OutageShow, edit: OutageEdit, create: OutageCreate, icon: PowerOffIcon, recordRepresentation: outageName };
