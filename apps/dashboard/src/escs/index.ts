import AccountTreeIcon from "@mui/icons-material/AccountTree";
import { lazyPage } from "../common/lazyPage";

const EscList = lazyPage(() => import("./EscList"), "EscList");
const EscShow = lazyPage(() => import("./EscShow"), "EscShow");

export default { list: EscList, show: EscShow, icon: AccountTreeIcon, recordRepresentation: "name" };
