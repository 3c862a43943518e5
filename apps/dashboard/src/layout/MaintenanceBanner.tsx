import { Alert } from "@mui/material";
import { useEffect, useState } from "react";
import { request } from "../dataProvider/client";

interface Occurrence {
  startsAt: string;
  endsAt: string;
  description: string;
}
interface Status {
  now: string;
  active: Occurrence | null;
  next: Occurrence | null;
}

const STATUS = `{ maintenanceStatus { now active { startsAt endsAt description } next { startsAt endsAt description } } }`;
const POLL_MS = 30_000;
const ANNOUNCE_MS = 15 * 60_000;
const TIME = new Intl.DateTimeFormat("en-US", { timeZone: "America/Los_Angeles", hour: "numeric", minute: "2-digit" });

/** The district clock, not the browser's: counts down from the server's now, advanced by the time since. */
function useMaintenanceStatus() {
  const [state, setState] = useState<{ status: Status; fetchedAt: number } | null>(null);
  const [now, tick] = useState(() => Date.now());
  useEffect(() => {
    let live = true;
    const load = () =>
      request<{ maintenanceStatus: Status }>(STATUS).then(
        (d) => live && setState({ status: d.maintenanceStatus, fetchedAt: Date.now() }),
        () => {}, // unreachable server: keep what we knew, try again at the next poll
      );
    void load();
    const poll = setInterval(() => void load(), POLL_MS);
    const clock = setInterval(() => tick(Date.now()), 10_000);
    return () => {
      live = false;
      clearInterval(poll);
      clearInterval(clock);
    };
  }, []);
  if (!state) return null;
  return { ...state.status, nowMs: Date.parse(state.status.now) + Math.max(0, now - state.fetchedAt) };
}

const During = ({ endsAt }: { endsAt: string }) => (
  <Alert severity="warning" variant="filled" sx={{ mb: 1 }} data-testid="maintenance-banner">
    Maintenance until {TIME.format(new Date(endsAt))}: changes are kept on this device and sent when it ends
  </Alert>
);

/** Announces maintenance 15 minutes ahead and warns while it lasts, in Los Angeles time. */
export const MaintenanceBanner = () => {
  const s = useMaintenanceStatus();
  if (!s) return null;
  if (s.active && Date.parse(s.active.endsAt) > s.nowMs) return <During endsAt={s.active.endsAt} />;
  const next = s.next;
  if (!next) return null;
  const left = Date.parse(next.startsAt) - s.nowMs;
  if (left > ANNOUNCE_MS) return null;
  if (left <= 0) return Date.parse(next.endsAt) > s.nowMs ? <During endsAt={next.endsAt} /> : null;
  return (
    <Alert severity="info" sx={{ mb: 1 }} data-testid="maintenance-banner">
      Maintenance at {TIME.format(new Date(next.startsAt))} (in {Math.ceil(left / 60_000)} min): changes you make keep waiting on this
      device and are sent when it ends
    </Alert>
  );
};
