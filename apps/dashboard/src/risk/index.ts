import WarningAmberIcon from "@mui/icons-material/WarningAmber";
import { lazy } from "react";
import { lazyPage } from "../common/lazyPage";

const SchoolRiskList = lazyPage(() => import("./SchoolRiskList"), "SchoolRiskList");
const SchoolRiskShow = lazyPage(() => import("./SchoolRiskPage"), "SchoolRiskShow");

// Takes the school as a prop (the principal's landing page), so it is lazy without lazyPage's route shape.
export const SchoolRiskPage = lazy(() => import("./SchoolRiskPage").then((m) => ({ default: m.SchoolRiskPage })));
export const EscRiskOverviewPage = lazyPage(() => import("./EscRiskOverviewPage"), "EscRiskOverviewPage");
export const DistrictRiskOverview = lazyPage(() => import("./DistrictRiskOverview"), "DistrictRiskOverview");

export default { list: SchoolRiskList, show: SchoolRiskShow, icon: WarningAmberIcon, recordRepresentation: (r: { school?: { name: string } }) => r.school?.name ?? "" };
