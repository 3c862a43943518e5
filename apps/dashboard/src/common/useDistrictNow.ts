import { useEffect, useState } from "react";
import { request } from "../dataProvider/client";

/** The district clock's now (the demo district lives in November 2014), not the browser's; null until known. */
export function useDistrictNow(): Date | null {
  const [at, setAt] = useState<{ now: number; fetchedAt: number } | null>(null);
  useEffect(() => {
    let live = true;
    request<{ districtClock: { now: string } }>("{ districtClock { now } }").then(
      (d) => live && setAt({ now: Date.parse(d.districtClock.now), fetchedAt: Date.now() }),
      () => {}, // without the clock the page reads as before, with no tense
    );
    return () => {
      live = false;
    };
  }, []);
  return at ? new Date(at.now + Date.now() - at.fetchedAt) : null;
}

/** Planned, under way or over, on the district clock. */
export function tense(now: Date | null, startsAt: string, endsAt: string): string {
  if (!now) return "";
  if (now < new Date(startsAt)) return "Planned";
  return now < new Date(endsAt) ? "Under way" : "Over";
}
