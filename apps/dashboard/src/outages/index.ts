import PowerOffIcon from "@mui/icons-material/PowerOff";
import { lazyPage } from "../common/lazyPage";

const OutageCreate = lazyPage(() => import("./OutageCreate"), "OutageCreate");
const OutageEdit = lazyPage(() => import("./OutageEdit"), "OutageEdit");
const OutageList = lazyPage(() => import("./OutageList"), "OutageList");
const OutageShow = lazyPage(() => import("./OutageShow"), "OutageShow");

export default { list: OutageList, show: OutageShow, edit: OutageEdit, create: OutageCreate, icon: PowerOffIcon, recordRepresentation: "description" };
