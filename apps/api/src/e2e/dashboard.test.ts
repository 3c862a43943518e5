import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../test/browser.js";
import { startApiProcess, type RunningApi } from "../test/process.js";

describe("the dashboard in headless Chromium", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gradewatch-e2e-"));
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

  it("should show the seeded schools in the schools list, with their ESC", async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ schools(perPage: 1, sortField: \"name\") { total items { name esc { name } } } }" }),
    });
    const { total, items } = ((await res.json()) as any).data.schools;
    const page = await browser.context.newPage();
    await page.goto(`${api.url}/#/schools`);
    await page.getByText(items[0].name, { exact: true }).first().waitFor({ timeout: 30_000 });
    expect(await page.getByRole("row").count()).toBeGreaterThan(10);
    expect(await page.getByText(items[0].esc.name).count()).toBeGreaterThan(0);
    expect(await page.textContent("body")).toContain(`of ${total}`);
    await page.screenshot({ path: path.join(os.tmpdir(), "gradewatch-schools.png") });
  });
});
