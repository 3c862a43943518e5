import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInOnPage } from "../test/browser.js";
import { startApiProcess, type RunningApi } from "../test/process.js";

const BUDGET_KB = 350;

interface Script {
  name: string;
  gzipBytes: number;
}

/** Every script the page receives from now on, with its size as gzip would send it. */
function recordScripts(page: Page): () => Promise<Script[]> {
  const pending: Promise<Script>[] = [];
  const onResponse = (r: Response) => {
    if (r.request().resourceType() !== "script") return;
    pending.push(
      r.body().then((body) => ({
        name: new URL(r.url()).pathname,
        // express.static sends scripts uncompressed: measure what a gzip-serving proxy would send.
        gzipBytes: r.headers()["content-encoding"] === "gzip" ? Number(r.headers()["content-length"] ?? body.length) : gzipSync(body).length,
      })),
    );
  };
  page.on("response", onResponse);
  return async () => {
    page.off("response", onResponse);
    return Promise.all(pending);
  };
}

const kb = (scripts: Script[]) => scripts.reduce((n, s) => n + s.gzipBytes, 0) / 1024;
const named = (scripts: Script[], re: RegExp) => scripts.filter((s) => re.test(s.name)).map((s) => s.name);

describe("the dashboard's first screen in headless Chromium", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gradewatch-e2e-first-"));
  let api: RunningApi;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    api = await startApiProcess({ DATA_DIR: dataDir });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function firstScreen(email: string, shows: string) {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    const scripts = recordScripts(page);
    await signInOnPage(page, api.url, email);
    await page.getByTestId(shows).first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState("networkidle");
    return { page, scripts: await scripts() };
  }

  it("should load at most 350 kB of gzipped script, without charts, grid or import dialog, when a district administrator signs in", async () => {
    // A district administrator lands on the ESCs side by side (issue 9), drawn without the chart library.
    const { page, scripts } = await firstScreen("admin@demo.gradewatch.test", "esc-card");
    console.log(`first screen (district admin): ${scripts.length} scripts, ${kb(scripts).toFixed(1)} kB gzipped`);
    expect(kb(scripts)).toBeLessThanOrEqual(BUDGET_KB);
    expect(named(scripts, /OutageReportChart|BurnUpChart|MarksGrid|ImportMarksDialog|papaparse/)).toEqual([]);

    // The chart's code arrives when the outage report opens, and it draws.
    const later = recordScripts(page);
    await page.goto(`${api.url}/#/outages/1/show`);
    await page.getByTestId("outage-report-chart").locator(".recharts-bar-rectangle").first().waitFor({ timeout: 30_000 });
    expect(named(await later(), /OutageReportChart/)).toHaveLength(1);
    await page.close();
  });

  it("should load at most 350 kB of gzipped script when a teacher signs in, and the grid still opens from their section", async () => {
    const { page, scripts } = await firstScreen("teacher@demo.gradewatch.test", "my-sections");
    console.log(`first screen (teacher): ${scripts.length} scripts, ${kb(scripts).toFixed(1)} kB gzipped`);
    expect(kb(scripts)).toBeLessThanOrEqual(BUDGET_KB);
    expect(named(scripts, /OutageReportChart|MarksGrid|ImportMarksDialog/)).toEqual([]);

    const later = recordScripts(page);
    await page.getByTestId("my-sections").getByRole("link", { name: "Enter marks" }).first().click();
    await page.locator('[data-cell="0-0"]').waitFor({ timeout: 30_000 });
    expect(named(await later(), /MarksGrid/)).toHaveLength(1);
    await page.close();
  });
});
