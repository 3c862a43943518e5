import DevicesIcon from "@mui/icons-material/Devices";
import { ListItemIcon, ListItemText, MenuItem } from "@mui/material";
import { forwardRef } from "react";
import { useLogout, useTranslate, useUserMenu } from "react-admin";

/** Ends every session of the signed-in person (a lost phone, a shared computer), then this one's page. */
export const SignOutEverywhere = forwardRef<HTMLLIElement>(function SignOutEverywhere(props, ref) {
  const translate = useTranslate();
  const logout = useLogout();
  const userMenu = useUserMenu();
  const signOutEverywhere = async () => {
    userMenu?.onClose();
    await fetch("/auth/sign-out-everywhere", { method: "POST", credentials: "include" }).catch(() => undefined);
    await logout();
  };
  return (
    <MenuItem ref={ref} {...props} onClick={() => void signOutEverywhere()}>
      <ListItemIcon>
        <DevicesIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate("gradewatch.session.sign_out_everywhere")}</ListItemText>
    </MenuItem>
  );
});
