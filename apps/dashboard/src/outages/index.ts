import PowerOffIcon from "@mui/icons-material/PowerOff";
import { OutageCreate } from "./OutageCreate";
import { OutageEdit } from "./OutageEdit";
import { OutageList } from "./OutageList";
import { OutageShow } from "./OutageShow";

export default { list: OutageList, show: OutageShow, edit: OutageEdit, create: OutageCreate, icon: PowerOffIcon, recordRepresentation: "description" };
