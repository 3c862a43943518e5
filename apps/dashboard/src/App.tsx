import polyglotI18nProvider from "ra-i18n-polyglot";
import TimerIcon from "@mui/icons-material/Timer";
import { Admin, CustomRoutes, Resource } from "react-admin";
import { Route } from "react-router-dom";
import { authProvider } from "./authProvider";
import { lazyPage } from "./common/lazyPage";
import { Dashboard } from "./dashboard/Dashboard";
import { dataProvider } from "./dataProvider";
import compensationLogs from "./compensationLogs";
import employees from "./employees";
import escs from "./escs";
import { en } from "./i18n/en";
import { Layout } from "./layout/Layout";
import { LoginPage } from "./layout/LoginPage";
import maintenanceWindows from "./maintenanceWindows";
import marks from "./marks";
import outages from "./outages";
import problemReports from "./problemReports";
import reportingPeriods from "./reportingPeriods";
import schoolRisks, { DistrictRiskOverview, EscRiskOverviewPage } from "./risk";
import schools from "./schools";
import sections from "./sections";
import students from "./students";

const MarksGrid = lazyPage(() => import("./grid/MarksGrid"), "MarksGrid");
const SlaSettings = lazyPage(() => import("./problemReports/SlaSettings"), "SlaSettings");
const MyHours = lazyPage(() => import("./compensationLogs/MyHours"), "MyHours");
const CompensationTotals = lazyPage(() => import("./compensationLogs/CompensationTotals"), "CompensationTotals");

const i18nProvider = polyglotI18nProvider(() => en, "en", { allowMissing: true });

export const App = () => (
  <Admin
    title="Gradewatch"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={Layout}
    loginPage={LoginPage}
    requireAuth
    disableTelemetry
  >
    <Resource name="schoolRisks" {...schoolRisks} />
    <Resource name="schools" {...schools} />
    <Resource name="sections" {...sections} />
    <Resource name="students" {...students} />
    <Resource name="marks" {...marks} />
    <Resource name="employees" {...employees} />
    <Resource name="escs" {...escs} />
    <Resource name="reportingPeriods" {...reportingPeriods} />
    <Resource name="outages" {...outages} />
    <Resource name="maintenanceWindows" {...maintenanceWindows} />
    <Resource name="problemReports" {...problemReports} />
    <Resource name="slaSettings" list={SlaSettings} icon={TimerIcon} options={{ label: "SLA targets" }} />
    <Resource name="compensationLogs" {...compensationLogs} />
    <CustomRoutes>
      <Route path="/sections/:id/grid" element={<MarksGrid />} />
      <Route path="/risk/escs/:id" element={<EscRiskOverviewPage />} />
      <Route path="/risk/district" element={<DistrictRiskOverview />} />
      <Route path="/my-hours" element={<MyHours />} />
      <Route path="/compensation/totals" element={<CompensationTotals />} />
    </CustomRoutes>
  </Admin>
);
