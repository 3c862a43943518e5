import NotificationsIcon from "@mui/icons-material/Notifications";
import { Badge, Button, Divider, IconButton, ListItemText, Menu, MenuItem, Tooltip, Typography } from "@mui/material";
import { useCallback, useEffect, useState } from "react";
import { useCanAccess, useDataProvider } from "react-admin";
import { useNavigate } from "react-router-dom";
import { LA_DATETIME } from "../common/choices";
import type { dataProvider as provider } from "../dataProvider";
import type { Notification } from "../dataProvider/problemReports";

/** The unread count in the top bar; the list opens under it, and opening one marks it read. */
export const NotificationsBell = () => {
  const { canAccess } = useCanAccess({ resource: "problemReports", action: "list" });
  const dp = useDataProvider<typeof provider>();
  const navigate = useNavigate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const load = useCallback(() => {
    dp.notifications(10).then(
      (r) => {
        setItems(r.data);
        setUnread(r.unread);
      },
      () => {},
    );
  }, [dp]);
  useEffect(() => {
    if (!canAccess) return;
    load();
    const tick = setInterval(load, 30_000);
    return () => clearInterval(tick);
  }, [canAccess, load]);
  if (!canAccess) return null;
  const open = async (n: Notification) => {
    // Read once opened, then on to the report it is about.
    setAnchor(null);
    if (!n.readAt) await dp.markNotificationsRead([n.id]).catch(() => {});
    load();
    if (n.reportId) void navigate(`/problemReports/${n.reportId}/show`);
  };
  return (
    <>
      <Tooltip title="Notifications">
        <IconButton color="inherit" aria-label={`Notifications, ${unread} unread`} onClick={(e) => {
            setAnchor(e.currentTarget);
            load();
          }} data-testid="notifications-bell">
          <Badge badgeContent={unread} color="error" data-testid="notifications-unread">
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)} slotProps={{ paper: { sx: { maxWidth: 420 } } }}>
        {items.length === 0 ? (
          <MenuItem disabled>
            <Typography variant="body2">No notifications</Typography>
          </MenuItem>
        ) : null}
        {items.map((n) => (
          <MenuItem key={n.id} onClick={() => open(n)} sx={{ whiteSpace: "normal", fontWeight: n.readAt ? 400 : 600 }} data-testid="notification">
            <ListItemText
              primary={n.message}
              secondary={new Date(n.createdAt).toLocaleString("en-US", LA_DATETIME)}
              slotProps={{ primary: { sx: { fontWeight: n.readAt ? 400 : 600 } } }}
            />
          </MenuItem>
        ))}
        {unread > 0 ? <Divider /> : null}
        {unread > 0 ? (
          <MenuItem>
            <Button size="small" onClick={() => dp.markNotificationsRead(null).then(load, () => {})}>
              Mark all as read
            </Button>
          </MenuItem>
        ) : null}
      </Menu>
    </>
  );
};
