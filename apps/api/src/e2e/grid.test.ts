import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gqlInPage, launchBrowser, signInOnPage } from "../test/browser.js";
import { startApiProcess, type RunningApi } from "../test/process.js";

const PASSWORD = "gradewatch-demo";
const shots = process.env.SCREENSHOT_DIR ?? os.tmpdir();
const CUT = 30;

interface StoredMark {
  id: string;
  studentId: string;
  gradingItemId: string;
  value: string;
  version: number;
}

/** A value on the column's scale other than the one shown, so typing it is a change. */
const another = (scale: string[], current: string) => scale.find((v) => v !== current)!;

async function sectionMarks(page: Page, sectionId: string): Promise<StoredMark[]> {
  const q = `query($id: ID!) { marks(filter: { sectionId: $id }, perPage: 500) { items { id studentId gradingItemId value version } } }`;
  return (await gqlInPage<{ marks: { items: StoredMark[] } }>(page, q, { id: sectionId })).marks.items;
}

async function historyOf(page: Page, markId: string): Promise<{ operationId: string; source: string; version: number; changedAt: string; clientEnteredAt: string }[]> {
  const q = `query($id: ID!) { markHistory(markId: $id) { operationId source version changedAt clientEnteredAt } }`;
  return (await gqlInPage<{ markHistory: never[] }>(page, q, { id: markId })).markHistory;
}

/** The ids of the section's students in the grid's row order (by last name). */
async function rowStudents(page: Page, sectionId: string): Promise<string[]> {
  const q = `query($id: ID!) { students(filter: { sectionId: $id }, perPage: 500, sortField: "lastName", sortOrder: ASC) { items { id } } }`;
  return (await gqlInPage<{ students: { items: { id: string }[] } }>(page, q, { id: sectionId })).students.items.map((s) => s.id);
}

describe("the teacher's grid", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gradewatch-e2e-grid-"));
  let api: RunningApi;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let sectionId: string;
  const status = () => page.getByTestId("save-status");
  const cell = (row: number, col: number) => page.locator(`[data-cell="${row}-${col}"]`);

  beforeAll(async () => {
    api = await startApiProcess({ DATA_DIR: dataDir });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await signInOnPage(page, api.url, "teacher@demo.gradewatch.test");
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("should open from the section page and save a typed mark by itself, with no Save button", async () => {
    await page.goto(`${api.url}/#/sections`);
    await page.locator("tbody tr").first().click();
    await page.getByRole("link", { name: "Enter marks" }).click();
    await cell(0, 0).waitFor({ timeout: 30_000 });
    sectionId = /#\/sections\/(\d+)\/grid/.exec(page.url())![1]!;
    expect(await status().textContent()).toBe("All changes saved");
    expect(await page.getByRole("button", { name: /^save$/i }).count()).toBe(0);

    const scale = (await page.locator("thead th[data-item]").first().getAttribute("data-scale"))!.split(" ");
    const before = await cell(0, 0).inputValue();
    const typed = another(scale, before);
    await cell(0, 0).click();
    await page.keyboard.press(typed);
    await page.locator('[data-cell="0-0"][data-state="saved"]').waitFor({ timeout: 10_000 });
    expect(await status().textContent()).toBe("All changes saved");
    expect(await page.getByTestId("cell-details").textContent()).toMatch(/: Saved at \d\d:\d\d:\d\d/);
    expect(await cell(0, 0).inputValue()).toBe(typed);
  });

  it("should refuse a value off the column's scale in place, count it in the header, give the reason on the cell, and send nothing", async () => {
    const before = await cell(1, 0).inputValue();
    await cell(1, 0).click();
    await page.keyboard.press("Z");
    expect(await cell(1, 0).getAttribute("data-state")).toBe("invalid");
    expect(await status().textContent()).toBe("1 refused · every other change saved");
    const reason = page.getByRole("tooltip");
    expect(await reason.textContent()).toContain('"Z" is not on the');
    // The reason sits right under the cell, not below the table.
    const [cellBox, reasonBox] = [await cell(1, 0).boundingBox(), await reason.boundingBox()];
    expect(reasonBox!.y).toBeGreaterThanOrEqual(cellBox!.y + cellBox!.height - 1);
    expect(reasonBox!.y).toBeLessThan(cellBox!.y + cellBox!.height + 40);
    expect(await page.getByTestId("cell-details").textContent()).toContain('"Z" is not on the');
    await page.keyboard.press("Escape");
    expect(await cell(1, 0).inputValue()).toBe(before);
    expect(await status().textContent()).toBe("All changes saved");
  });

  it("should keep 30 marks typed while the API is cut, warn before leaving, keep them through a reload, then store each exactly once", async () => {
    const stored = await sectionMarks(page, sectionId);
    const columns = await page.locator("thead th[data-item]").count();
    const rows = await page.locator("tbody tr").count();
    expect(rows * columns).toBeGreaterThanOrEqual(CUT);
    const scales: string[][] = [];
    for (let c = 0; c < columns; c++) scales.push((await page.locator("thead th[data-item]").nth(c).getAttribute("data-scale"))!.split(" "));

    await page.route("**/graphql", (route) => route.abort("internetdisconnected"));
    // Typed the way a teacher types: a mark, then the arrow key to the next cell, row after row.
    const typed: { row: number; col: number; value: string }[] = [];
    await cell(0, 0).click();
    for (let i = 0; i < CUT; i++) {
      const row = Math.floor(i / columns);
      const col = i % columns;
      const value = another(scales[col]!, await cell(row, col).inputValue());
      await page.keyboard.press(value);
      typed.push({ row, col, value });
      await page.keyboard.press(col === columns - 1 ? "ArrowDown" : "ArrowRight");
      if (col === columns - 1) for (let k = 0; k < columns - 1; k++) await page.keyboard.press("ArrowLeft");
    }
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toBe(`${CUT} changes not yet saved`);
    await page.getByTestId("outbox-problem").waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-cell][data-state="pending"]').count()).toBe(CUT);
    await page.screenshot({ path: path.join(shots, "gradewatch-grid-offline.png"), fullPage: true });
    await page.getByRole("menuitem", { name: "Sections" }).click();
    await page.getByRole("dialog").getByText(`${CUT} changes are not yet saved`).waitFor({ timeout: 10_000 });
    await page.getByRole("button", { name: "Stay here" }).click();
    expect(page.url()).toContain(`/sections/${sectionId}/grid`);

    await page.reload();
    await cell(0, 0).waitFor({ timeout: 30_000 });
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toBe(`${CUT} changes not yet saved`);
    await page.getByText("The server cannot be reached: showing the marks this device stored").waitFor();
    for (const t of typed) expect(await cell(t.row, t.col).inputValue()).toBe(t.value);
    await page.screenshot({ path: path.join(shots, "gradewatch-grid-after-reload.png"), fullPage: true });

    await page.unroute("**/graphql");
    await expect.poll(() => status().textContent(), { timeout: 45_000 }).toBe("All changes saved");
    expect(await page.locator('[data-cell][data-state="saved"]').count()).toBeGreaterThanOrEqual(CUT);
    // The stored copy gives way to the server's once it answers.
    await page.getByText("The server cannot be reached: showing the marks this device stored").waitFor({ state: "detached", timeout: 15_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(shots, "gradewatch-grid-saved.png"), fullPage: true });

    const students = await rowStudents(page, sectionId);
    const itemIds = await page.locator("thead th[data-item]").evaluateAll((ths) => ths.map((th) => th.getAttribute("data-item")!));
    const after = await sectionMarks(page, sectionId);
    const find = (list: StoredMark[], t: { row: number; col: number }) => list.find((m) => m.studentId === students[t.row] && m.gradingItemId === itemIds[t.col]);
    for (const t of typed) {
      const now = find(after, t)!;
      expect(now.value).toBe(t.value);
      // Exactly once: one new version per cell, written by the grid.
      const was = find(stored, t);
      expect(now.version).toBe((was?.version ?? 0) + 1);
      const history = await historyOf(page, now.id);
      expect(history.filter((h) => h.version === now.version).map((h) => h.source)).toEqual(["GRID"]);
    }
  });

  it("should show both values when another device saved the mark first, and keep the one the teacher chooses", async () => {
    await page.goto(`${api.url}/#/sections/${sectionId}/grid`);
    await cell(5, 0).waitFor({ timeout: 30_000 });
    const scale = (await page.locator("thead th[data-item]").first().getAttribute("data-scale"))!.split(" ");
    const studentId = (await rowStudents(page, sectionId))[5]!;
    const itemId = (await page.locator("thead th[data-item]").first().getAttribute("data-item"))!;
    const periods = await gqlInPage<{ reportingPeriods: { items: { id: string; name: string }[] } }>(page, `{ reportingPeriods(filter: { level: ELEMENTARY }) { items { id name } } }`);
    const period = periods.reportingPeriods.items.find((p) => p.name === "Elementary Reporting Period 1")!.id;
    const shown = await cell(5, 0).inputValue();
    const theirs = another(scale, shown);
    const mine = scale.find((v) => v !== shown && v !== theirs)!;
    // The same mark saved from another device, from the version this grid also holds.
    const before = (await sectionMarks(page, sectionId)).find((m) => m.studentId === studentId && m.gradingItemId === itemId);
    const other = await gqlInPage<{ saveMarks: { status: string }[] }>(page, `mutation($items: [SaveMarkInput!]!) { saveMarks(items: $items) { status } }`, {
      items: [{ operationId: `other-device-${Date.now()}`, periodId: period, sectionId, studentId, gradingItemId: itemId, value: theirs, baseVersion: before?.version ?? null }],
    });
    expect(other.saveMarks.map((r) => r.status)).toEqual(["SAVED"]);

    await cell(5, 0).click();
    await page.keyboard.press(mine);
    await page.locator('[data-cell="5-0"][data-state="conflict"]').waitFor({ timeout: 10_000 });
    expect(await status().textContent()).toBe("1 change not yet saved · 1 needs your decision");
    expect(await page.getByTestId("cell-details").textContent()).toContain(`you typed ${mine}, but Ani Castro saved ${theirs} at`);
    await page.keyboard.press("Enter");
    expect(await page.getByTestId("conflict-mine").textContent()).toBe(mine);
    expect(await page.getByTestId("conflict-theirs").textContent()).toBe(theirs);
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(shots, "gradewatch-grid-conflict.png") });
    await page.getByRole("button", { name: `Keep mine (${mine})` }).click();
    await expect.poll(() => status().textContent(), { timeout: 15_000 }).toBe("All changes saved");
    const after = (await sectionMarks(page, sectionId)).find((m) => m.studentId === studentId && m.gradingItemId === itemId)!;
    expect([after.value, after.version]).toEqual([mine, (before?.version ?? 0) + 2]);
  });

  it("should hold a mark typed during a maintenance window on the device and send it by itself when the window ends", async () => {
    const token = await apiSignIn(api.url, "admin@demo.gradewatch.test");
    const { districtClock } = await apiGql<{ districtClock: { now: string } }>(api.url, token, `{ districtClock { now } }`);
    const offset = new Date(districtClock.now).getTime() - Date.now();
    const startsAt = new Date(Math.ceil((Date.now() + offset + 4000) / 1000) * 1000);
    const endsAt = new Date(startsAt.getTime() + 6000);
    const { createMaintenanceWindow } = await apiGql<{ createMaintenanceWindow: { id: string } }>(
      api.url,
      token,
      `mutation($input: MaintenanceWindowCreateInput!) { createMaintenanceWindow(input: $input) { id } }`,
      { input: { name: "Grid test window", startsAtLocal: laClock(startsAt), endsAtLocal: laClock(endsAt) } },
    );
    try {
      await page.goto(`${api.url}/#/sections/${sectionId}/grid`);
      await cell(6, 0).waitFor({ timeout: 30_000 });
      const scale = (await page.locator("thead th[data-item]").first().getAttribute("data-scale"))!.split(" ");
      const value = another(scale, await cell(6, 0).inputValue());
      await page.waitForTimeout(Math.max(0, startsAt.getTime() - offset - Date.now() + 500));
      await cell(6, 0).click();
      await page.keyboard.press(value);
      const problem = page.getByTestId("outbox-problem").locator(".MuiAlert-message");
      await problem.waitFor({ timeout: 10_000 });
      // On the district's clock: the demo's day is Nov 5, 2014, in its first minutes after 8 am.
      expect(await problem.textContent({ timeout: 1000 })).toMatch(/^Maintenance: changes are kept on this device and sent at 08:0\d:\d\d \(Los Angeles time\)\.$/);
      expect(await status().textContent()).toBe("1 change not yet saved");
      expect(await cell(6, 0).getAttribute("data-state")).toMatch(/^(pending|saving)$/);
      await page.screenshot({ path: path.join(shots, "gradewatch-grid-maintenance.png") });
      await expect.poll(() => status().textContent(), { timeout: 30_000 }).toBe("All changes saved");
      expect(await cell(6, 0).inputValue()).toBe(value);
      const studentId = (await rowStudents(page, sectionId))[6]!;
      const itemId = (await page.locator("thead th[data-item]").first().getAttribute("data-item"))!;
      const saved = (await sectionMarks(page, sectionId)).find((m) => m.studentId === studentId && m.gradingItemId === itemId);
      expect(saved?.value).toBe(value);
      const history = await historyOf(page, saved!.id);
      const last = history[history.length - 1]!;
      // Typed during the window, stored only after it ended: nothing was accepted and dropped.
      expect(last.source).toBe("GRID");
      expect(new Date(last.clientEnteredAt).getTime()).toBeGreaterThanOrEqual(startsAt.getTime());
      expect(new Date(last.clientEnteredAt).getTime()).toBeLessThan(endsAt.getTime());
      expect(new Date(last.changedAt).getTime()).toBeGreaterThanOrEqual(endsAt.getTime());
    } finally {
      await apiGql(api.url, token, `mutation($id: ID!) { deleteMaintenanceWindow(id: $id) { id } }`, { id: createMaintenanceWindow.id });
    }
  });

  it("should keep a mark typed after the session ended, ask for the password over the grid, then send it", async () => {
    await page.goto(`${api.url}/#/sections/${sectionId}/grid`);
    await cell(7, 0).waitFor({ timeout: 30_000 });
    const scale = (await page.locator("thead th[data-item]").first().getAttribute("data-scale"))!.split(" ");
    const value = another(scale, await cell(7, 0).inputValue());
    await browser.context.clearCookies();
    await cell(7, 0).click();
    await page.keyboard.press(value);
    const dialog = page.getByTestId("session-expired");
    await dialog.getByText("Your session has ended").waitFor({ timeout: 15_000 });
    expect(await status().textContent()).toBe("1 change not yet saved");
    await dialog.locator("input[name=email]").fill("teacher@demo.gradewatch.test");
    await dialog.locator("input[name=password]").fill(PASSWORD);
    await dialog.getByRole("button", { name: "Sign in and carry on" }).click();
    await expect.poll(() => status().textContent(), { timeout: 15_000 }).toBe("All changes saved");
    expect(await cell(7, 0).getAttribute("data-state")).toBe("saved");
  });
});

const laClock = (d: Date) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: "America/Los_Angeles", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(d);

async function apiSignIn(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: PASSWORD }) });
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
