import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInOnPage } from "../test/browser.js";
import { startApiProcess, type RunningApi } from "../test/process.js";

const shots = path.join(os.tmpdir(), "gradewatch-shots");

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe("the risk views in headless Chromium", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gradewatch-e2e-risk-"));
  let api: RunningApi;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let adminToken: string;
  let elementaryPeriodId: string;
  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    api = await startApiProcess({ DATA_DIR: dataDir });
    browser = await launchBrowser();
    // The morning before the November 5 announcement: elementary marks due Friday, November 7, three school
    // days away, so the schools that are far behind read critical whatever the seed's exact histories.
    const token = (adminToken = await apiSignIn(api.url, "admin@demo.gradewatch.test"));
    const { reportingPeriods } = await apiGql<{ reportingPeriods: { items: { id: string; name: string; originalDeadline: string }[] } }>(
      api.url,
      token,
      `{ reportingPeriods { items { id name originalDeadline } } }`,
    );
    const period = reportingPeriods.items.find((p) => p.name === "Elementary Reporting Period 1")!;
    elementaryPeriodId = period.id;
    await apiGql(api.url, token, `mutation($id: ID!, $input: ReportingPeriodUpdateInput!) { updateReportingPeriod(id: $id, input: $input) { id } }`, {
      id: period.id,
      input: { currentDeadline: period.originalDeadline, deadlineChangeReason: "Risk test: the deadline as it stood before the November 5 announcement" },
    });
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

  const reasonsOf = async (page: Page) => (await page.getByTestId("reasons").locator("li").allTextContents()).map((t) => t.trim());
  const levelOn = (scope: Locator) => scope.getByTestId("risk-chip").first().getAttribute("data-level");

  it("should land the ESC North director on the at-risk list, and let them extend a critical school's deadline and see its level and reasons change", async () => {
    const page = await signIn("director.north@demo.gradewatch.test");

    // Their landing page is the at-risk list, worst first, only ESC North's schools.
    await page.waitForURL((url) => url.hash.startsWith("#/schoolRisks"), { timeout: 30_000 });
    const rows = page.locator("tbody tr");
    await rows.first().waitFor({ timeout: 30_000 });
    const escs = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll("td")[0]?.textContent ?? ""));
    expect(escs.every((text) => text.endsWith("ESC North"))).toBe(true);
    const levels = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector("[data-level]")?.getAttribute("data-level")));
    const rank = ["CRITICAL", "AT_RISK", "ON_TRACK", "COMPLETE"];
    expect(levels.map((l) => rank.indexOf(l!))).toEqual([...levels.map((l) => rank.indexOf(l!))].sort((a, b) => a - b));
    await page.screenshot({ path: path.join(shots, "risk-list-director.png") });

    // The list leaves as a spreadsheet, one line per school.
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV" }).click();
    const csv = fs.readFileSync((await (await download).path())!, "utf8").trim().split(/\r?\n/);
    expect(csv[0]).toMatch(/^school,location_code,esc,level,/);
    expect(csv.length).toBe((await rows.count()) + 1);

    // A school held back by teachers who stopped entering has no finish day to promise: the list says why.
    const stopped = rows.filter({ hasText: /entered nothing for \d+ school days/ });
    expect(await stopped.count()).toBeGreaterThan(0);
    for (const text of await stopped.allTextContents()) expect(text).toContain("Not while stopped");

    // A critical school that is entering marks: more time is what it lacks (not one held back by teachers who
    // stopped, which a later deadline does not cure).
    const critical = rows
      .filter({ has: page.locator('[data-level="CRITICAL"]') })
      .filter({ hasNotText: "No pace yet" })
      .filter({ hasNotText: /entered nothing for \d+ school days/ });
    expect(await critical.count()).toBeGreaterThan(0);
    const school = (await critical.first().locator("td").first().locator("a").textContent())!.trim();
    await critical.first().locator("td").first().locator("a").click();

    const pageOf = page.getByTestId("school-risk-page");
    await pageOf.getByRole("heading", { name: school }).waitFor({ timeout: 30_000 });
    await pageOf.getByTestId("reasons").waitFor({ timeout: 30_000 });
    expect(await levelOn(pageOf)).toBe("CRITICAL");
    const reasonsBefore = await reasonsOf(page);
    expect(reasonsBefore.length).toBeGreaterThan(0);

    // The form is keyboard friendly: it opens on the date, refuses an empty reason in words, then grants.
    await page.getByRole("button", { name: "Grant extension" }).click();
    const form = page.getByTestId("grant-extension");
    const date = form.locator("input[name=extendedTo]");
    await expect.poll(() => date.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    const earliest = (await date.getAttribute("min"))!;
    await date.fill(addDays(earliest, 21));
    await form.getByRole("button", { name: "Grant extension" }).click();
    await form.getByText("Say why").waitFor({ timeout: 5_000 });
    await form.locator("textarea[name=reason]").fill("Three teachers out sick the week of the outage");
    await form.getByRole("button", { name: "Grant extension" }).click();
    await page.getByText(/^Extension granted/).waitFor({ timeout: 15_000 });

    // The page asks again: the extension is listed, the level is no longer critical and the reasons moved.
    await pageOf.getByTestId("extensions").getByText("Three teachers out sick the week of the outage").waitFor({ timeout: 30_000 });
    await expect.poll(() => levelOn(pageOf), { timeout: 30_000 }).not.toBe("CRITICAL");
    expect(await reasonsOf(page)).not.toEqual(reasonsBefore);
    expect(await pageOf.getByTestId("days-left").textContent()).toMatch(/extended/);
    await page.screenshot({ path: path.join(shots, "risk-school-extended.png"), fullPage: true });

    // Back on the list, the school reads at its new level too (once the list has asked again).
    await page.getByRole("menuitem", { name: "Schools at risk" }).click();
    const row = page.locator("tbody tr").filter({ hasText: school });
    await row.first().waitFor({ timeout: 30_000 });
    await expect.poll(() => levelOn(row.first()), { timeout: 30_000 }).not.toBe("CRITICAL");
    await page.close();
  });

  it("should show a district administrator the ESCs side by side on landing, as of a past instant too, each opening its overview with a burn-up chart", async () => {
    const page = await signIn("admin@demo.gradewatch.test");
    const cards = page.getByTestId("esc-card");
    await cards.first().waitFor({ timeout: 30_000 });
    expect(await cards.count()).toBe(5);
    expect(new URL(page.url()).hash).toBe("#/");
    await page.screenshot({ path: path.join(shots, "risk-district.png") });

    // As of the evening of the outage: the same ESCs, fewer marks entered, and the page says it is a replay.
    const live = await page.getByTestId("district-summary").textContent();
    await page.getByTestId("as-of-input").fill("2014-11-04T17:00");
    await page.getByTestId("as-of-status").getByText("Replay: as things stood on Nov 4, 2014, 5:00 PM PST").waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId("district-summary").textContent(), { timeout: 30_000 }).not.toBe(live);
    expect(page.url()).toContain("asOf=2014-11-05T01%3A00%3A00.000Z");
    expect(await cards.count()).toBe(5);
    await page.getByRole("button", { name: "Now" }).click();
    await expect.poll(() => page.getByTestId("district-summary").textContent(), { timeout: 30_000 }).toBe(live);

    await cards.filter({ hasText: "ESC North" }).getByRole("link").first().click();
    await page.getByTestId("esc-risk-overview").getByRole("heading", { name: "ESC North" }).waitFor({ timeout: 30_000 });
    await page.getByTestId("burn-up-chart").locator(".recharts-area-area").first().waitFor({ timeout: 30_000 });
    await page.close();
  });

  it("should land a principal on their own school's risk page", async () => {
    const page = await signIn("principal@demo.gradewatch.test");
    const pageOf = page.getByTestId("school-risk-page");
    await pageOf.getByTestId("reasons").or(pageOf.getByText("Nothing stands in the way.")).first().waitFor({ timeout: 30_000 });
    const school = (await page.getByTestId("viewer").textContent())!.split(" · ")[1]!.trim();
    await pageOf.getByRole("heading", { name: school }).waitFor({ timeout: 15_000 });
    // A principal reads the risk but does not grant extensions.
    expect(await page.getByRole("button", { name: "Grant extension" }).count()).toBe(0);

    // The page hears of changes as they are saved: an extension granted elsewhere shows within seconds,
    // long before the next 30 s poll.
    await page.getByTestId("as-of-status").getByText(/updates as changes are saved/).waitFor({ timeout: 15_000 });
    const { schoolRisks } = await apiGql<{ schoolRisks: { items: { schoolId: string; school: { name: string } }[] } }>(
      api.url,
      adminToken,
      `query($q: String) { schoolRisks(filter: { q: $q }, perPage: 10) { items { schoolId school { name } } } }`,
      { q: school },
    );
    const schoolId = schoolRisks.items.find((r) => r.school.name === school)!.schoolId;
    const asked = Date.now();
    await apiGql(api.url, adminToken, `mutation($input: GrantDeadlineExtensionInput!) { grantDeadlineExtension(input: $input) { id } }`, {
      input: { periodId: elementaryPeriodId, schoolId, extendedTo: "2014-12-12", reason: "Granted while the principal looked", operationId: "e2e-live-extension" },
    });
    await pageOf.getByTestId("extensions").getByText("Granted while the principal looked").waitFor({ timeout: 15_000 });
    expect(Date.now() - asked).toBeLessThan(20_000);
    await page.close();
  });
});

async function apiSignIn(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: "gradewatch-demo" }) });
  return ((await res.json()) as { token: string }).token;
}

async function apiGql<T>(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
