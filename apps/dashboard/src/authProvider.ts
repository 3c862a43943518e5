import type { AuthProvider } from "react-admin";
import { HttpError } from "react-admin";
import { request } from "./dataProvider/client";
import { sessionRestored, setSignedIn } from "./dataProvider/session";
import { apiSupports } from "./dataProvider/resources";
import { type Role, roleMay } from "@gradewatch/domain/policy";

export type { Role };

export interface Viewer {
  id: string;
  fullName: string;
  role: Role;
  scope: string;
}

/** What each role may open in the dashboard: the access policy the API enforces on every request. */
export { roleMay };

let viewer: Promise<Viewer | null> | undefined;
const LAST_VIEWER = "gradewatch.viewer";
let lastViewerId: string | null = null;

/** Signs in again over the current page; what was on screen stays as it was. */
export async function signInAgain(email: string, password: string): Promise<{ sameUser: boolean }> {
  const before = lastViewerId;
  await authProvider.login({ username: email, password });
  const now = await loadViewer();
  const sameUser = !!before && !!now && before === now.id;
  // Someone else: what waited must not go out under their session; the page starts afresh instead.
  if (sameUser) sessionRestored(true);
  return { sameUser };
}

function forgetViewer() {
  viewer = undefined;
  setSignedIn(false);
  localStorage.removeItem(LAST_VIEWER);
}

/**
 * Who is signed in. When the server cannot be reached (no network, 5xx, maintenance), the last answer
 * on this device stands in, so a teacher can keep typing into the grid's outbox; the server still checks
 * the session on every request once it answers, and a 401 signs out.
 */
function loadViewer(): Promise<Viewer | null> {
  viewer ??= request<{ me: Viewer }>("{ me { id fullName role scope } }")
    .then((d) => {
      setSignedIn(true);
      lastViewerId = d.me.id;
      localStorage.setItem(LAST_VIEWER, JSON.stringify(d.me));
      return d.me;
    })
    .catch((err: { status?: number }) => {
      const unreachable = err?.status === 0 || (err?.status ?? 0) >= 500;
      const last = unreachable ? localStorage.getItem(LAST_VIEWER) : null;
      if (!last) localStorage.removeItem(LAST_VIEWER);
      if (unreachable) viewer = undefined;
      if (!last) return null;
      const stored = JSON.parse(last) as Viewer;
      setSignedIn(true);
      lastViewerId = stored.id;
      return stored;
    });
  return viewer;
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const res = await fetch("/auth/sign-in", {
      method: "POST",
      credentials: "include",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: username, password }),
    });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { errors?: { message: string }[] } | null;
      throw new HttpError(body?.errors?.[0]?.message ?? "Sign-in failed", res.status);
    }
    // Who signed in is asked afresh; requests waiting for this sign-in keep waiting until it is known.
    viewer = undefined;
    localStorage.removeItem(LAST_VIEWER);
  },
  async logout() {
    await fetch("/auth/sign-out", { method: "POST", credentials: "include" }).catch(() => undefined);
    forgetViewer();
  },
  async checkAuth() {
    if (!(await loadViewer())) {
      forgetViewer();
      throw new Error("Your session has ended. Sign in again.");
    }
  },
  async checkError(error: { status?: number; body?: { code?: string } }) {
    if (error?.status === 401 || error?.body?.code === "UNAUTHENTICATED") {
      forgetViewer();
      throw new Error("Your session has ended. Sign in again.");
    }
  },
  async getIdentity() {
    const me = await loadViewer();
    if (!me) throw new Error("Not signed in");
    return { id: me.id, fullName: me.fullName, role: me.role, scope: me.scope };
  },
  async getPermissions() {
    return (await loadViewer())?.role;
  },
  async canAccess({ resource, action }) {
    return apiSupports(resource, action) && roleMay((await loadViewer())?.role, resource, action);
  },
};
