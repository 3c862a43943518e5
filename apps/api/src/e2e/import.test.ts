import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInOnPage } from "../test/browser.js";
import { startApiProcess, type RunningApi } from "../test/process.js";

const shots = process.env.SCREENSHOT_DIR ?? os.tmpdir();

/** Another value on the same scale, so the import changes the mark. */
const otherValue = (v: string) =>
  /^[1-4]$/.test(v) ? String((Number(v) % 4) + 1) : ({ E: "S", S: "U", U: "E" } as Record<string, string>)[v] ?? (v === "A" ? "B" : "A");

describe("importing marks and restoring an earlier value in the dashboard", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gradewatch-e2e-import-"));
  let api: RunningApi;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
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

  let changed: { districtStudentId: string; item: string; from: string; to: string };

  it("should download the section's marks, preview a modified file, apply it and show the result", async () => {
    await page.goto(`${api.url}/#/sections`);
    await page.locator("tbody tr").first().click();
    await page.getByRole("button", { name: "Import marks" }).waitFor({ timeout: 30_000 });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download marks (CSV)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^marks-section-\d+-[a-z0-9-]+\.csv$/);
    const csv = fs.readFileSync((await download.path())!, "utf8");
    const parsed = Papa.parse<Record<string, string>>(csv.trim(), { header: true });
    expect(parsed.meta.fields).toEqual(["reporting_period", "district_student_id", "last_name", "first_name", "grading_item", "mark", "comment", "version", "saved_at", "entered_by"]);
    expect(parsed.data.length).toBeGreaterThan(0);

    const rows = parsed.data;
    const first = rows[0]!;
    changed = { districtStudentId: first.district_student_id!, item: first.grading_item!, from: first.mark!, to: otherValue(first.mark!) };
    rows[0] = { ...first, mark: changed.to };
    rows.push({ ...first, district_student_id: "0000000000", mark: "3" });
    const modified = Papa.unparse(rows);

    await page.getByRole("button", { name: "Import marks" }).click();
    await page.getByTestId("import-file").setInputFiles({ name: "my-backup.csv", mimeType: "text/csv", buffer: Buffer.from(modified) });
    const totals = page.getByTestId("import-totals");
    await totals.waitFor({ timeout: 30_000 });
    expect(await totals.textContent()).toBe(`0 added1 changed${rows.length - 2} unchanged1 rejected`);
    const table = page.getByTestId("import-lines");
    const changedRow = table.locator("tbody tr").filter({ has: page.getByText("Changed", { exact: true }) });
    expect(await changedRow.textContent()).toContain(`${changed.from} → ${changed.to}`);
    expect(await table.locator("tbody tr").filter({ has: page.getByText("Rejected", { exact: true }) }).textContent()).toContain("no student with district id 0000000000 is enrolled in this section");
    await page.getByText("Preview only: nothing has been saved yet.").waitFor();
    await page.screenshot({ path: path.join(shots, "gradewatch-import-preview.png") });

    await page.getByRole("button", { name: "Apply 1 change" }).click();
    await page.getByTestId("import-applied").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("import-applied").textContent()).toBe("Saved 1 change.");
    await page.screenshot({ path: path.join(shots, "gradewatch-import-applied.png") });
    await page.getByRole("button", { name: "Close" }).click();
  });

  it("should show the mark's history and restore the earlier value as a new version", async () => {
    const found = (await page.evaluate(async (c) => {
      const q = `{ marks(perPage: 500) { items { id value version student { districtStudentId } gradingItem { code } } } }`;
      const r = await fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: q }) });
      const body = (await r.json()) as { data: { marks: { items: { id: string; value: string; version: number; student: { districtStudentId: string }; gradingItem: { code: string } }[] } } };
      return body.data.marks.items.find((m) => m.student.districtStudentId === c.districtStudentId && m.gradingItem.code === c.item);
    }, changed))!;
    expect(found.value).toBe(changed.to);
    await page.goto(`${api.url}/#/marks/${found.id}/show`);
    const history = page.getByTestId("mark-history");
    await history.locator("tbody tr").nth(1).waitFor({ timeout: 30_000 });
    expect(await history.locator("tbody tr").first().textContent()).toContain("Import");
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: path.join(shots, "gradewatch-mark-history.png"), fullPage: true });

    await history.locator("tbody tr").nth(1).getByRole("button", { name: "Restore this value" }).click();
    await page.getByText(/^Restored version \d+ \(.+\) as a new change$/).waitFor({ timeout: 30_000 });
    // The newest change comes first: the restore, recorded as such, putting back the value the import replaced.
    await history.locator("tbody tr").first().getByText("Restore", { exact: true }).waitFor({ timeout: 15_000 });
    expect(await history.locator("tbody tr").first().textContent()).toContain(`${changed.to} → ${changed.from}`);
    expect(await page.getByTestId("mark-history").locator("tbody tr").count()).toBe(3);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: path.join(shots, "gradewatch-mark-restored.png"), fullPage: true });
  });
});
