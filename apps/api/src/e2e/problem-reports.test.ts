import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInOnPage } from "../test/browser.js";
import { startApiProcess, type RunningApi } from "../test/process.js";

const shots = path.join(os.tmpdir(), "gradewatch-shots");
const TITLE = "Grades typed before the outage are gone";

describe("a principal reports a problem and the ESC answers it, in headless Chromium", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gradewatch-e2e-reports-"));
  let api: RunningApi | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let reportUrl = "";

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    // The demo district on the morning of Wednesday, Nov 5, 2014, the day after the outage.
    api = await startApiProcess({ DATA_DIR: dataDir, CLOCK_START: "2014-11-05T08:00:00-08:00" });
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const unreadAbove = (page: Page, n: number) =>
    expect.poll(async () => Number((await page.getByTestId("notifications-unread").textContent()) || 0), { timeout: 30_000 }).toBeGreaterThan(n);

  async function signIn(email: string): Promise<Page> {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await signInOnPage(page, api!.url, email);
    return page;
  }

  it("should let the principal file a DATA_LOSS report with an extension request, one click from the landing page", async () => {
    const page = await signIn("principal@demo.gradewatch.test");
    await page.getByRole("link", { name: "Report a problem" }).click();
    await page.getByLabel("Title").waitFor({ timeout: 30_000 });
    // The outage of November 4 is offered, and lost data with it.
    await page.getByText(/^Nov 4, 2014, 2:00 PM PST — Student information system outage/).waitFor({ timeout: 30_000 });
    await page.getByText("Data loss", { exact: true }).waitFor();
    await page.getByLabel("Severity").click();
    await page.getByRole("option", { name: "Critical" }).click();
    await page.getByLabel("Title").fill(TITLE);
    await page.getByLabel("What happened").fill("Marks entered between 1 and 2 pm in grade 3 and 4 homerooms did not survive the outage.");
    await page.getByLabel("Ask for a deadline extension to (optional)").fill("2014-11-19");
    await page.getByLabel("Why the school needs it").fill("Re-entering a day of marks in four classes");
    await page.screenshot({ path: path.join(shots, "report-create.png"), fullPage: true });
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Extension request").waitFor({ timeout: 30_000 });
    reportUrl = page.url();
    expect(reportUrl).toMatch(/#\/problemReports\/\d+\/show$/);
    expect(await page.getByTestId("sla").first().textContent()).toBe("Acknowledge: due in 2 h");
    expect(await page.getByTestId("school-deadline").textContent()).toBe("The school's deadline: Fri, Nov 14, 2014");
    await page.screenshot({ path: path.join(shots, "report-filed.png"), fullPage: true });
    await page.close();
  });

  it("should put the report in the ESC director's queue with its SLA, to acknowledge and approve the extension", async () => {
    const page = await signIn("director.north@demo.gradewatch.test");
    await unreadAbove(page, 0);
    await page.goto(`${api!.url}/#/problemReports`);
    const row = page.locator("tbody tr", { hasText: TITLE });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getByTestId("sla").textContent()).toBe("Acknowledge: due in 2 h");
    // Sorted by SLA due: every overdue row comes before ours, and stands out.
    await page.screenshot({ path: path.join(shots, "report-queue.png"), fullPage: true });
    await row.getByRole("button", { name: "Acknowledge" }).click();
    await page.locator("tbody tr", { hasText: TITLE }).getByText("Acknowledged").waitFor({ timeout: 30_000 });
    // Opened in place, the row takes a reply to the school without leaving the queue.
    await page.locator("tbody tr", { hasText: TITLE }).locator("[aria-label=Expand]").click();
    const panel = page.getByTestId("report-panel");
    await panel.getByLabel("Reply").fill("We are restoring your marks from the 1:45 pm backup.");
    await panel.getByRole("button", { name: "Send reply" }).click();
    await panel.getByText("We are restoring your marks from the 1:45 pm backup.", { exact: true }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(shots, "report-queue-panel.png"), fullPage: true });
    await page.goto(`${api!.url}/${reportUrl.slice(reportUrl.indexOf("#"))}`);
    // The whole report (its history) has arrived, not only the row the list knew.
    await page.getByText(/acknowledged \(NEW → ACKNOWLEDGED\)/).waitFor({ timeout: 30_000 });
    await page.getByLabel("Reason").fill("Outage of November 4: the school lost a day of marks");
    await page.getByRole("button", { name: "Approve extension" }).click();
    await page.getByTestId("extension-request").getByText("approved").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("school-deadline").textContent()).toBe("The school's deadline: Wed, Nov 19, 2014");
    await page.screenshot({ path: path.join(shots, "report-approved.png"), fullPage: true });
    await page.close();
  });

  it("should tell the principal, whose school's deadline has moved", async () => {
    const page = await signIn("principal@demo.gradewatch.test");
    const unread = page.getByTestId("notifications-unread");
    await unreadAbove(page, 0);
    // Acknowledged, replied to, extension approved.
    expect(Number(await unread.textContent())).toBe(3);
    await page.getByTestId("notifications-bell").click();
    const latest = page.getByTestId("notification").first();
    expect(await latest.textContent()).toMatch(new RegExp(`${TITLE}: extension to 2014-11-19 approved by`));
    await page.screenshot({ path: path.join(shots, "report-notifications.png") });
    await latest.click();
    await page.getByTestId("school-deadline").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("school-deadline").textContent()).toBe("The school's deadline: Wed, Nov 19, 2014");
    expect(Number(await unread.textContent())).toBe(2);
    expect(await page.getByText("We are restoring your marks from the 1:45 pm backup.").count()).toBe(1);
    await page.close();
  });
});
