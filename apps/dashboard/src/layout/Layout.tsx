import { Box, Typography } from "@mui/material";
import type { ReactNode } from "react";
import { AppBar, Layout as RaLayout, Logout, TitlePortal, useGetIdentity, UserMenu } from "react-admin";
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

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={GradewatchAppBar}>
    <MaintenanceBanner />
    <SessionExpiredDialog />
    {children}
  </RaLayout>
);
