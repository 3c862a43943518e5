import { useEffect, useState } from "react";
import { request } from "../dataProvider/client";

/** The district clock's now (the demo district lives in November 2014), not the browser's; null until known. */
export function useDistrictNow(): Date | null {
  // The district clock's offset from the browser's, and the browser's time, ticking every half minute.
  const [offset, setOffset] = useState<number | null>(null);
  const [browserNow, setBrowserNow] = useState(() => Date.now());
  useEffect(() => {
    let live = true;
    request<{ districtClock: { now: string } }>("{ districtClock { now } }").then(
      (d) => {
        if (!live) return;
        const fetchedAt = Date.now();
        setOffset(Date.parse(d.districtClock.now) - fetchedAt);
        setBrowserNow(fetchedAt);
      },
      () => {}, // without the clock the page reads as before, with no tense
    );
    const tick = setInterval(() => setBrowserNow(Date.now()), 30_000);
    return () => {
      live = false;
      clearInterval(tick);
    };
  }, []);
  return offset === null ? null : new Date(browserNow + offset);
}

/** Planned, under way or over, on the district clock. */
export function tense(now: Date | null, startsAt: string, endsAt: string): string {
  if (!now) return "";
  if (now < new Date(startsAt)) return "Planned";
  return now < new Date(endsAt) ? "Under way" : "Over";
}
