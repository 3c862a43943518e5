import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gqlInPage, launchBrowser, signInOnPage } from "../test/browser.js";
import { startApiProcess, type RunningApi } from "../test/process.js";

const shots = path.join(os.tmpdir(), "gradewatch-shots");

describe("compensation from the teacher's evening to the payroll file, in headless Chromium", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gradewatch-e2e-compensation-"));
  let api: RunningApi | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let logId = "";
  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    // The demo district on the morning after the outage.
    api = await startApiProcess({ DATA_DIR: dataDir, CLOCK_START: "2014-11-05T09:00:00-08:00" });
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
    await signInOnPage(page, api!.url, email);
    return page;
  }
  const rowOf = (page: Page, id: string) => page.locator("tbody tr").filter({ has: page.locator("td.column-id", { hasText: new RegExp(`^${id}$`) }) });

  it("should let a teacher log two hours on the evening of November 4 from the landing page and submit them", async () => {
    const page = await signIn("teacher@demo.gradewatch.test");
    await page.getByRole("link", { name: /My hours/ }).first().click();
    await page.getByLabel("Work date").fill("2014-11-04");
    await page.getByLabel("Start").fill("18:00");
    await page.getByLabel("End").fill("20:00");
    await page.getByLabel("Related outage").click();
    await page.getByRole("option", { name: /Nov 4, 2014/ }).first().click();
    await page.getByLabel("What did you do?").fill("Re-entered the reading grades lost in the outage");
    await page.getByRole("button", { name: "Save draft" }).click();
    const logs = page.getByTestId("my-logs");
    await logs.getByText("Draft").waitFor({ timeout: 30_000 });
    const mine = await gqlInPage<{ compensationLogs: { items: { id: string; countedMinutes: number }[] } }>(page, `{ compensationLogs(filter: { mine: true }) { items { id countedMinutes } } }`);
    expect(mine.compensationLogs.items).toHaveLength(1);
    expect(mine.compensationLogs.items[0]!.countedMinutes).toBe(120);
    logId = mine.compensationLogs.items[0]!.id;
    await page.getByRole("button", { name: "Submit" }).click();
    await logs.getByText("Submitted").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId(`my-log-${logId}`).textContent()).toContain("2 h");
    await page.screenshot({ path: path.join(shots, "compensation-my-hours.png"), fullPage: true });
    await page.close();
  });

  it("should put the log in the principal's certification queue and certify it", async () => {
    const page = await signIn("principal@demo.gradewatch.test");
    await page.goto(`${api!.url}/#/compensationLogs`);
    const row = rowOf(page, logId);
    await row.waitFor({ timeout: 30_000 });
    await row.locator("input[type=checkbox]").check();
    await page.getByRole("button", { name: "Certify" }).click();
    await page.getByText("1 log certified").waitFor({ timeout: 30_000 });
    await row.waitFor({ state: "detached", timeout: 30_000 });
    await page.screenshot({ path: path.join(shots, "compensation-certification-queue.png"), fullPage: true });
    await page.close();
  });

  it("should let HR approve it in bulk with others, export the pay period once, and pay nothing the second time", async () => {
    const page = await signIn("hr@demo.gradewatch.test");
    // HR's queue, the latest certified first.
    await page.goto(`${api!.url}/#/compensationLogs?filter=${encodeURIComponent(JSON.stringify({ states: ["CERTIFIED"] }))}&sort=submittedAt&order=DESC`);
    const row = rowOf(page, logId);
    await row.waitFor({ timeout: 30_000 });
    // The evidence beside the claim: counts and times, never marks or students.
    await row.locator("td.column-id").click();
    const evidence = page.getByTestId(`evidence-${logId}`);
    await evidence.getByText(/Related outage: /).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(shots, "compensation-approval-queue.png") });
    await page.locator("thead input[type=checkbox]").check();
    const selected = await page.locator("tbody input[type=checkbox]:checked").count();
    expect(selected).toBeGreaterThan(1);
    await page.getByRole("button", { name: "Approve" }).click();
    await page.getByText(`${selected} logs approved`).waitFor({ timeout: 30_000 });

    await page.goto(`${api!.url}/#/compensation/totals`);
    await page.getByTestId("cost-so-far").waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Close pay period and export" }).click();
    const periods = page.getByTestId("pay-periods");
    await periods.waitFor({ timeout: 30_000 });
    const file = (name: string) =>
      page.evaluate(async (url) => (await fetch(url)).text(), `/exports/pay-periods/1/${name}.csv`);
    const detail = await file("detail");
    expect(detail.split("\r\n").filter((l) => l.startsWith(`${logId},`))).toHaveLength(1);
    expect(detail.split("\r\n").filter((l) => l.length > 0)).toHaveLength(selected + 1);
    const summary = await file("summary");
    expect(summary.split("\r\n")[0]).toBe("employee_number,name,school,hours,rate_class,amount");

    await page.getByRole("button", { name: "Close pay period and export" }).click();
    await page.getByText("No approved logs are waiting to be paid: nothing to export").waitFor({ timeout: 30_000 });
    expect(await periods.locator("tbody tr").count()).toBe(1);
    expect(await file("detail")).toBe(detail);
    await page.setViewportSize({ width: 1400, height: 1900 });
    await page.screenshot({ path: path.join(shots, "compensation-totals.png"), fullPage: true });
    await page.close();
  });
});
