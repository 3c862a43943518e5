import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../test/browser.js";
import { startApiProcess, type RunningApi } from "../test/process.js";

const PASSWORD = "gradewatch-demo";
const shots = path.join(os.tmpdir(), "gradewatch-shots");

describe("maintenance banner and outage report in headless Chromium", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gradewatch-e2e-maintenance-"));
  let api: RunningApi | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  // The demo district, ten minutes before the nightly window of Wednesday, Nov 5, 2014.
  const start = (clock: string) => startApiProcess({ DATA_DIR: dataDir, CLOCK_START: clock });
  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    api = await start("2014-11-05T20:50:00-08:00");
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function signIn(email: string): Promise<Page> {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await page.goto(`${api!.url}/#/login`);
    await page.locator("input[name=username]").fill(email);
    await page.locator("input[name=password]").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("viewer").waitFor({ timeout: 30_000 });
    return page;
  }

  it("should announce the 9 pm window ten minutes ahead, in Los Angeles time", async () => {
    const page = await signIn("teacher@demo.gradewatch.test");
    const banner = page.getByTestId("maintenance-banner");
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.textContent()).toMatch(
      /^Maintenance at 9:00 PM \(in (10|9) min\): changes you make keep waiting on this device and are sent when it ends$/,
    );
    await page.screenshot({ path: path.join(shots, "maintenance-announced.png") });
    await page.close();
  });

  it("should show the Nov 4 outage's marks per school, held on devices and saved after 4 pm, none missing", async () => {
    const page = await signIn("admin@demo.gradewatch.test");
    await page.goto(`${api!.url}/#/outages/1/show`);
    const table = page.getByTestId("outage-report-table");
    await table.waitFor({ timeout: 30_000 });
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    const held = Number(await page.getByTestId("total-held").locator("h5, div").first().textContent());
    expect(held).toBeGreaterThan(100);
    expect(await page.getByTestId("total-missing").textContent()).toMatch(/^0Missing/);
    // The chart's code loads when the report opens: it draws just after the table.
    await page.getByTestId("outage-report-chart").locator(".recharts-bar-rectangle").first().waitFor({ timeout: 30_000 });
    // Sorting by school name puts the rows in alphabetical order.
    await table.getByRole("button", { name: "School" }).click();
    const names = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector("td")?.textContent ?? ""));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download CSV" }).click();
    const csv = fs.readFileSync((await (await download).path())!, "utf8");
    expect(csv.split(/\r?\n/)[0]).toBe("school,esc,entered_during,saved_after,saved_during,median_delay_seconds,max_delay_seconds,missing");
    expect(csv.trim().split(/\r?\n/).length).toBe(names.length + 1);
    await table.getByRole("button", { name: "Held, saved after" }).click();
    await page.setViewportSize({ width: 1400, height: 1900 });
    await page.screenshot({ path: path.join(shots, "outage-report.png") });
    await page.close();
  });

  it("should show a principal only their own school in the outage report", async () => {
    const page = await signIn("principal@demo.gradewatch.test");
    await page.goto(`${api!.url}/#/outages/1/show`);
    await page.getByTestId("outage-report").waitFor({ timeout: 30_000 });
    const rows = page.getByTestId("outage-report-table").locator("tbody tr");
    const empty = page.getByTestId("outage-report-empty");
    await expect.poll(async () => (await rows.count()) + (await empty.count())).toBeGreaterThan(0);
    expect(await rows.count()).toBeLessThanOrEqual(1);
    await page.close();
  });

  it("should say plainly when nothing was entered during a night's maintenance", async () => {
    const page = await signIn("admin@demo.gradewatch.test");
    await page.goto(`${api!.url}/#/maintenanceWindows/1/show`);
    await page.getByTestId("occurrence-date").fill("2014-10-29");
    await expect.poll(() => page.getByTestId("outage-report-empty").textContent(), { timeout: 30_000 }).toBe(
      "No marks were entered during this maintenance window",
    );
    await page.screenshot({ path: path.join(shots, "maintenance-report-empty.png") });
    await page.close();
  });

  it("should warn during the window that changes stay on the device until 10 pm", async () => {
    await api!.stop();
    api = await start("2014-11-05T21:10:00-08:00");
    const page = await signIn("teacher@demo.gradewatch.test");
    const banner = page.getByTestId("maintenance-banner");
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.textContent()).toBe("Maintenance until 10:00 PM: changes are kept on this device and sent when it ends");
    await page.screenshot({ path: path.join(shots, "maintenance-during.png") });
    await page.close();
  });
});
