import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gqlInPage, launchBrowser, signInOnPage } from "../test/browser.js";
import { startApiProcess, type RunningApi } from "../test/process.js";

const shots = path.join(os.tmpdir(), "gradewatch-shots");

describe("what the dashboard tells people, in headless Chromium", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gradewatch-e2e-words-"));
  let api: RunningApi;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    api = await startApiProcess({ DATA_DIR: dataDir });
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
    await signInOnPage(page, api.url, email);
    return page;
  }

  const title = (page: Page) => page.locator("#react-admin-title").textContent();

  async function open(page: Page, route: string, shows: string) {
    await page.goto(`${api.url}/#/${route}`);
    await page.getByText(shows, { exact: true }).first().waitFor({ timeout: 30_000 });
  }

  it("should name the product on the sign-in page", async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await page.goto(`${api.url}/#/login`);
    await page.getByRole("heading", { name: "Gradewatch" }).waitFor({ timeout: 30_000 });
    await page.close();
  });

  it("should tell HR that marks are hidden from them in the Nov 4 outage report, not that none were entered", async () => {
    const page = await signIn("hr@demo.gradewatch.test");
    await page.goto(`${api.url}/#/outages/1/show`);
    const hidden = page.getByTestId("outage-report-hidden");
    await hidden.waitFor({ timeout: 30_000 });
    expect(await hidden.textContent()).toContain("Your role cannot see marks");
    expect(await page.getByTestId("outage-report-empty").count()).toBe(0);
    expect(await page.getByText("No marks were entered").count()).toBe(0);
    await page.screenshot({ path: path.join(shots, "hr-outage-report.png") });
    await page.close();
  });

  it("should not offer HR the district administrator role on the employee form, but offer it to a district administrator", async () => {
    const roleChoices = async (email: string) => {
      const page = await signIn(email);
      await page.goto(`${api.url}/#/employees/create`);
      await page.getByRole("combobox", { name: "Role" }).click();
      const options = (await page.getByRole("option").allTextContents()).map((o) => o.trim());
      await page.close();
      return options;
    };
    const hr = await roleChoices("hr@demo.gradewatch.test");
    expect(hr).toContain("Teacher");
    expect(hr).not.toContain("District admin");
    expect(await roleChoices("admin@demo.gradewatch.test")).toContain("District admin");
  });

  it("should name the signed-in person once in the top bar, beside their role and scope", async () => {
    const page = await signIn("admin@demo.gradewatch.test");
    const { me } = await gqlInPage<{ me: { fullName: string } }>(page, "{ me { fullName } }");
    const bar = (await page.locator("header").first().textContent())!;
    expect(bar.split(me.fullName).length - 1).toBe(1);
    expect(bar).toContain("District admin · Whole district");
    await page.close();
  });

  it("should title a mark by its student and item, and list marks without a version column", async () => {
    const page = await signIn("admin@demo.gradewatch.test");
    await page.goto(`${api.url}/#/marks`);
    await page.locator("tbody tr").first().waitFor({ timeout: 30_000 });
    const headers = (await page.locator("thead th").allTextContents()).map((h) => h.trim());
    expect(headers).toContain("Mark");
    expect(headers).not.toContain("Version");
    const first = await page.locator("tbody tr").first().locator("td").allTextContents();
    await page.locator("tbody tr").first().click();
    await page.getByText("First entered").waitFor({ timeout: 30_000 });
    await expect.poll(() => title(page)).toBe(`Mark ${first[0]!.trim()} · ${first[3]!.trim()}`);
    expect(await title(page)).not.toMatch(/#\d/);
    // The section is named with its teacher and school: course names repeat across schools.
    const literal = (t: string) => t.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    await page.getByRole("link", { name: new RegExp(`^${literal(first[1]!)} \\(.+, ${literal(first[2]!)}\\)$`) }).waitFor({ timeout: 15_000 });
    await page.close();
  });

  it("should show times, report cards and grading items in words, not as stored", async () => {
    const page = await signIn("admin@demo.gradewatch.test");
    await open(page, "maintenanceWindows/1/show", "Nightly maintenance");
    expect(await page.getByText("9:00 PM", { exact: true }).count()).toBe(1);
    expect(await page.getByText("21:00:00").count()).toBe(0);
    expect(await page.getByText("not saved").count()).toBe(0);

    await open(page, "reportingPeriods/1/show", "Reading");
    expect(await page.getByText("LISTENING_SPEAKING").count()).toBe(0);
    expect(await page.getByText("Listening and Speaking").count()).toBe(1);

    await page.goto(`${api.url}/#/sections`);
    await page.locator("tbody tr").first().waitFor({ timeout: 30_000 });
    expect(await page.locator("tbody tr").first().textContent()).toMatch(/(Elementary|Secondary) report card/);
    await page.close();
  });

  it("should list the one unplanned outage by default, and future nightly maintenance as planned, not as over", async () => {
    const page = await signIn("admin@demo.gradewatch.test");
    await page.goto(`${api.url}/#/outages`);
    const rows = page.locator("tbody tr");
    await rows.first().waitFor({ timeout: 30_000 });
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain("Unplanned");
    expect(await rows.first().textContent()).toContain("Over");

    await page.goto(`${api.url}/#/outages?filter=${encodeURIComponent(JSON.stringify({ kind: "MAINTENANCE" }))}`);
    await page.getByText("Planned", { exact: true }).first().waitFor({ timeout: 30_000 });
    // The demo clock stands at Nov 5, 8 am: the Nov 14 window is ahead, the Nov 4 one behind.
    const row = (day: string) => rows.filter({ hasText: `Nov ${day}, 2014, 9:00 PM` }).first().locator("td").nth(1).textContent();
    expect(await row("14")).toBe("Planned");
    expect(await row("4")).toBe("Over");
    expect(await page.getByText("not saved").count()).toBe(0);
    await page.screenshot({ path: path.join(shots, "outages-maintenance.png") });
    await page.close();
  });
});
