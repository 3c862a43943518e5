import { Box, Typography } from "@mui/material";
import type { ReactNode } from "react";
import AccessTimeIcon from "@mui/icons-material/AccessTime";
import BarChartIcon from "@mui/icons-material/BarChart";
import { AppBar, Layout as RaLayout, Logout, Menu, TitlePortal, useGetIdentity, usePermissions, UserMenu } from "react-admin";
import { reachOf } from "@gradewatch/domain/policy";
import type { Role } from "../authProvider";
import { roles } from "../common/choices";
import { MaintenanceBanner } from "./MaintenanceBanner";
import { NotificationsBell } from "./NotificationsBell";
import { SessionExpiredDialog } from "./SessionExpiredDialog";
import { SignOutEverywhere } from "./SignOutEverywhere";

const roleName = (id: string) => roles.find((r) => r.id === id)?.name ?? id;

/** In what capacity the person is signed in; the user menu beside it already gives their name. */
const Viewer = () => {
  const { identity } = useGetIdentity();
  if (!identity) return null;
  return (
    <Box sx={{ textAlign: "right", mr: 1, lineHeight: 1.2 }} data-testid="viewer">
      <Typography variant="body2" component="div">
        {roleName(String(identity.role))} · {String(identity.scope)}
      </Typography>
    </Box>
  );
};

const GradewatchUserMenu = () => (
  <UserMenu>
    <SignOutEverywhere />
    <Logout />
  </UserMenu>
);

const GradewatchAppBar = () => (
  <AppBar userMenu={<GradewatchUserMenu />}>
    <TitlePortal />
    <Viewer />
    <NotificationsBell />
  </AppBar>
);

// The resources, then every employee's own hours, and the totals for those who see the whole district's.
const GradewatchMenu = () => {
  const { permissions } = usePermissions<Role>();
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.ResourceItems />
      <Menu.Item to="/my-hours" primaryText="My hours" leftIcon={<AccessTimeIcon />} />
      {permissions && reachOf(permissions, "compensation.read") === "all" && <Menu.Item to="/compensation/totals" primaryText="Compensation totals" leftIcon={<BarChartIcon />} />}
    </Menu>
  );
};

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={GradewatchAppBar} menu={GradewatchMenu}>
    <MaintenanceBanner />
    <SessionExpiredDialog />
    {children}
  </RaLayout>
);
