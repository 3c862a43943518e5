import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gqlInPage, launchBrowser, signInOnPage } from "../test/browser.js";
import { startApiProcess, type RunningApi } from "../test/process.js";

describe("moving a reporting period's deadline in headless Chromium", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gradewatch-e2e-period-"));
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

  it("should ask the district admin why the deadline moves, and keep the reason with the change", async () => {
    const page = await browser.context.newPage();
    await signInOnPage(page, api.url, "admin@demo.gradewatch.test");
    const periods = await gqlInPage<{ reportingPeriods: { items: { id: string; name: string }[] } }>(page, `{ reportingPeriods { items { id name } } }`);
    const id = periods.reportingPeriods.items.find((p) => p.name === "Elementary Reporting Period 1")!.id;
    await page.goto(`${api.url}/#/reportingPeriods/${id}`);
    const deadline = page.locator("input[name=currentDeadline]");
    await deadline.waitFor({ timeout: 30_000 });
    expect(await deadline.inputValue()).toBe("2014-11-14");

    await deadline.fill("2014-11-21");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Say why the deadline moves: it is kept with the change").waitFor({ timeout: 15_000 });

    await page.locator("textarea[name=deadlineChangeReason]").fill("Parent conferences moved a week");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL((url) => !url.hash.startsWith(`#/reportingPeriods/${id}`), { timeout: 30_000 });

    const saved = await gqlInPage<{ reportingPeriod: { currentDeadline: string; deadlineChanges: { toDeadline: string; reason: string }[] } }>(
      page,
      `query($id: ID!) { reportingPeriod(id: $id) { currentDeadline deadlineChanges { toDeadline reason } } }`,
      { id },
    );
    expect(saved.reportingPeriod.currentDeadline).toBe("2014-11-21");
    expect(saved.reportingPeriod.deadlineChanges.map((c) => c.toDeadline)).toEqual(["2014-11-14", "2014-11-21"]);
    expect(saved.reportingPeriod.deadlineChanges.at(-1)!.reason).toBe("Parent conferences moved a week");
    await page.close();
  });
});
