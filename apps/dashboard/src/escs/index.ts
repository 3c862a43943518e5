import AccountTreeIcon from "@mui/icons-material/AccountTree";
import { EscList } from "./EscList";
import { EscShow } from "./EscShow";

export default { list: EscList, show: EscShow, icon: AccountTreeIcon, recordRepresentation: "name" };
