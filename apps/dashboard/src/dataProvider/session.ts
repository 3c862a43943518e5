/**
 * Whether a session ended under a page someone is working on. Requests that meet that wait here until
 * they sign in again over the page (the layout's dialog), then go out again, so a half-filled form, a
 * pending save and the page itself survive the expiry.
 */
let signedIn = false;
let expired = false;
let restored: ((retry: boolean) => void) | null = null;
let restoredPromise: Promise<boolean> | null = null;
const listeners = new Set<(expired: boolean) => void>();

export function setSignedIn(value: boolean) {
  signedIn = value;
  if (!value) setExpired(false, false);
}

function setExpired(value: boolean, retry: boolean) {
  if (expired === value) return;
  expired = value;
  if (value) {
    restoredPromise = new Promise((resolve) => (restored = resolve));
  } else {
    restored?.(retry);
    restored = null;
    restoredPromise = null;
  }
  listeners.forEach((l) => l(value));
}

/**
 * Waits while the session is renewed over the page. True: the same person signed in again, so the
 * request goes out again; false: nobody was signed in, or someone else signed in (their session must
 * not send what the previous person typed).
 */
export async function waitForSignInAgain(): Promise<boolean> {
  if (!signedIn) return false;
  setExpired(true, false);
  return (await restoredPromise) ?? false;
}

export const sessionRestored = (sameUser: boolean) => setExpired(false, sameUser);

export function watchSessionExpiry(listener: (expired: boolean) => void): () => void {
  listeners.add(listener);
  listener(expired);
  return () => void listeners.delete(listener);
}
