import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";
// Keeps Chromium off the external hosts that this closed network refuses.
const QUIET_NETWORK = ["--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

interface BrowserChoice {
  executablePath: string;
  args: string[];
  /** Which browser, for the log line at the start of the browser tests. */
  name: string;
}

/** CHROMIUM_PATH, else Debian's Chromium, else the headless Chromium that the npm package @sparticuz/chromium carries. */
async function chooseBrowser(): Promise<BrowserChoice> {
  const desktopArgs = ["--headless", "--no-sandbox", "--disable-gpu", ...QUIET_NETWORK];
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is ${fromEnv}, which does not exist`);
    return { executablePath: fromEnv, args: desktopArgs, name: `CHROMIUM_PATH ${fromEnv}` };
  }
  if (fs.existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, args: desktopArgs, name: `Debian's Chromium ${DEBIAN_CHROMIUM}` };
  const { default: packaged } = await import("@sparticuz/chromium");
  // executablePath() unpacks the browser into the temporary directory once.
  return { executablePath: await packaged.executablePath(), args: [...packaged.args, ...QUIET_NETWORK], name: "@sparticuz/chromium (npm)" };
}

let chosen: Promise<BrowserChoice> | undefined;
function browserChoice(): Promise<BrowserChoice> {
  chosen ??= chooseBrowser().then((choice) => {
    let version = "version unknown";
    try {
      version = execFileSync(choice.executablePath, ["--version"], { encoding: "utf8", timeout: 10_000 }).trim();
    } catch {
      // A browser that cannot name its version may still launch; the launch reports what is wrong.
    }
    console.info(`Browser tests run on ${choice.name}: ${version}`);
    return choice;
  });
  return chosen;
}

/** A headless Chromium in a throwaway profile. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const { executablePath, args } = await browserChoice();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "gradewatch-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath, viewport: { width: 1400, height: 900 }, args });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
/** Signs in on the dashboard's sign-in page and waits for the app bar to name the person. */
export async function signInOnPage(page: Page, url: string, email: string, password = "gradewatch-demo"): Promise<void> {
  await page.goto(`${url}/#/login`);
  await page.locator("input[name=username]").fill(email);
  await page.locator("input[name=password]").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("viewer").waitFor({ timeout: 30_000 });
}

/** A GraphQL request from inside the page, with the page's session cookie. */
export function gqlInPage<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return page.evaluate(
    async ({ query, variables }) => {
      const r = await fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
      const body = (await r.json()) as { data?: unknown; errors?: unknown };
      if (!body.data) throw new Error(JSON.stringify(body.errors));
      return body.data;
    },
    { query, variables },
  ) as Promise<T>;
}
