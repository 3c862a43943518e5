import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gqlInPage, launchBrowser, signInOnPage } from "../test/browser.js";
import { startApiProcess, type RunningApi } from "../test/process.js";

const PASSWORD = "gradewatch-demo";
const shots = path.join(os.tmpdir(), "gradewatch-shots");

describe("the dashboard in headless Chromium", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gradewatch-e2e-"));
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
    // One browser profile: start each person from a signed-out state.
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await signInOnPage(page, api.url, email);
    return page;
  }

  async function menu(page: Page): Promise<string[]> {
    const items = await page.getByRole("menuitem").allTextContents();
    return items.map((t) => t.trim()).filter(Boolean);
  }

  async function rowsOf(page: Page, route: string) {
    await page.goto(`${api.url}/#/${route}`);
    await page.locator("tbody tr").first().waitFor({ timeout: 30_000 });
    return page.locator("tbody tr");
  }

  /** Signs in and opens the students list, then ends the session under it and waits for the dialog. */
  async function sessionEndedOnStudents(email: string) {
    const page = await signIn(email);
    await rowsOf(page, "students");
    // Let the page finish loading (its code arrives when it opens) before the session ends under it.
    await page.getByRole("progressbar").first().waitFor({ state: "hidden", timeout: 15_000 });
    await browser.context.clearCookies();
    await page.getByRole("button", { name: "Refresh" }).first().click();
    const dialog = page.getByTestId("session-expired");
    await dialog.getByText("Your session has ended").waitFor({ timeout: 15_000 });
    return { page, dialog };
  }

  async function signInInDialog(dialog: Locator, email: string, password = PASSWORD) {
    await dialog.locator("input[name=email]").fill(email);
    await dialog.locator("input[name=password]").fill(password);
    await dialog.getByRole("button", { name: "Sign in and carry on" }).click();
  }

  it("should turn away a wrong password with a message and keep the visitor on the sign-in page", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${api.url}/#/schools`);
    await page.locator("input[name=username]").fill("admin@demo.gradewatch.test");
    await page.locator("input[name=password]").fill("wrong");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Wrong email or password").waitFor({ timeout: 15_000 });
    expect(page.url()).toContain("#/login");
    await page.close();
  });

  it("should show a district administrator every school, every menu and their name, role and scope", async () => {
    const page = await signIn("admin@demo.gradewatch.test");
    expect(await page.getByTestId("viewer").textContent()).toContain("District admin · Whole district");
    expect(await menu(page)).toEqual(
      expect.arrayContaining(["Dashboard", "Schools", "Sections", "Students", "Marks", "Staff", "ESCs", "Reporting periods", "Outages", "Maintenance windows"]),
    );
    const rows = await rowsOf(page, "schools");
    expect(await rows.count()).toBe(25);
    await expect.poll(() => page.textContent("body")).toMatch(/1-25 of 40/);
    await page.screenshot({ path: path.join(shots, "admin-schools.png") });
    await page.close();
  });

  it("should show an ESC director only the schools of ESC North", async () => {
    const page = await signIn("director.north@demo.gradewatch.test");
    expect(await page.getByTestId("viewer").textContent()).toContain("ESC director · ESC North");
    const rows = await rowsOf(page, "schools");
    // The ESC names arrive just after the rows.
    await page.getByRole("link", { name: "ESC North" }).first().waitFor({ timeout: 15_000 });
    const escColumn = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll("td")[3]?.textContent?.trim()));
    expect(escColumn.length).toBeGreaterThan(3);
    expect(new Set(escColumn)).toEqual(new Set(["ESC North"]));
    await page.close();
  });

  it("should show a principal their one school and no way to create schools", async () => {
    const page = await signIn("principal@demo.gradewatch.test");
    const rows = await rowsOf(page, "schools");
    expect(await rows.count()).toBe(1);
    const school = (await rows.first().locator("td").nth(1).textContent())!.trim();
    expect(await page.getByTestId("viewer").textContent()).toContain(`Principal · ${school}`);
    expect(await page.getByRole("link", { name: "Create" }).count()).toBe(0);
    await page.close();
  });

  it("should show a teacher only their own sections and the students enrolled in them", async () => {
    const page = await signIn("teacher@demo.gradewatch.test");
    expect(await page.getByTestId("viewer").textContent()).toMatch(/Teacher · Own sections at /);
    const mine = page.getByTestId("my-sections").locator("li");
    await mine.first().waitFor({ timeout: 30_000 });
    const mineCount = await mine.count();
    expect(await mine.first().getByRole("link", { name: "Enter marks" }).getAttribute("href")).toMatch(/#\/sections\/\d+\/grid$/);
    await page.screenshot({ path: path.join(shots, "teacher-dashboard.png") });
    const sections = await rowsOf(page, "sections");
    expect(await sections.count()).toBe(mineCount);
    const cells = await sections.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim())));
    expect(new Set(cells.map((c) => c[4])).size).toBe(1);
    const enrolled = cells.reduce((n, c) => n + Number(c[5]), 0);
    const students = await rowsOf(page, "students");
    expect(enrolled).toBeGreaterThan(5);
    expect(await students.count()).toBe(Math.min(enrolled, 25));
    await page.screenshot({ path: path.join(shots, "teacher-students.png") });
    await page.close();
  });

  it("should show HR staff but no students, sections or marks, even by typing the address", async () => {
    const page = await signIn("hr@demo.gradewatch.test");
    const items = await menu(page);
    expect(items).toContain("Staff");
    expect(items).not.toContain("Students");
    expect(items).not.toContain("Marks");
    expect(items).not.toContain("Sections");
    await page.goto(`${api.url}/#/students`);
    await page.getByText("Access denied").waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(shots, "hr-students.png") });
    expect(await page.locator("tbody tr").count()).toBe(0);
    const res = (await page.evaluate(async () => {
      const r = await fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ students { total } }" }) });
      return r.json();
    })) as unknown;
    // Asked directly, the API answers as if the district had no students at all.
    expect(res).toEqual({ data: { students: { total: 0 } } });
    await page.close();
  });

  it("should sign out back to the sign-in page, after which the API refuses the old session", async () => {
    const page = await signIn("admin@demo.gradewatch.test");
    await page.getByRole("button", { name: "Profile" }).click();
    await page.getByRole("menuitem", { name: "Logout" }).click();
    await page.locator("input[name=password]").waitFor({ timeout: 15_000 });
    const res = (await page.evaluate(async () => {
      const r = await fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ me { id } }" }) });
      return r.json();
    })) as { errors: { extensions: { code: string } }[] };
    expect(res.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    await page.close();
  });

  it("should ask for the password over a half-filled form when the session ends, and send the save once they sign in again", async () => {
    const page = await signIn("principal@demo.gradewatch.test");
    await rowsOf(page, "students");
    await page.locator("tbody tr").first().click();
    await page.getByRole("link", { name: "Edit" }).click();
    const lastName = page.locator("input[name=lastName]");
    await lastName.waitFor({ timeout: 30_000 });
    const studentId = /#\/students\/(\d+)/.exec(page.url())![1]!;
    const typed = `${await lastName.inputValue()}-Reyes`;
    await lastName.fill(typed);

    await browser.context.clearCookies();
    await page.getByRole("button", { name: "Save" }).click();
    const dialog = page.getByTestId("session-expired");
    await dialog.getByText("Your session has ended").waitFor({ timeout: 15_000 });
    expect(page.url()).toMatch(new RegExp(`#/students/${studentId}$`));
    expect(await lastName.inputValue()).toBe(typed);
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(shots, "session-expired.png") });

    await signInInDialog(dialog, "principal@demo.gradewatch.test", "wrong");
    await dialog.getByText("Wrong email or password").waitFor({ timeout: 15_000 });
    await signInInDialog(dialog, "principal@demo.gradewatch.test");
    await dialog.waitFor({ state: "detached", timeout: 15_000 });
    // The save that met the ended session waited for the new one and went out by itself.
    const lastNameOf = async () =>
      (await gqlInPage<{ student: { lastName: string } }>(page, `query($id: ID!) { student(id: $id) { lastName } }`, { id: studentId })).student.lastName;
    await expect.poll(lastNameOf, { timeout: 15_000 }).toBe(typed);
    await page.getByText("Element updated").waitFor({ timeout: 15_000 });
    await page.close();
  });

  it("should let someone else sign out from the session dialog, back to the sign-in page", async () => {
    const { page, dialog } = await sessionEndedOnStudents("principal@demo.gradewatch.test");
    await dialog.getByRole("button", { name: "Sign out" }).click();
    // What the person sees: the dialog gone and the sign-in page's own form (the dialog has a password field too).
    await dialog.waitFor({ state: "detached", timeout: 15_000 });
    await page.locator("input[name=username]").waitFor({ timeout: 15_000 });
    await page.getByRole("button", { name: "Sign in", exact: true }).waitFor({ timeout: 15_000 });
    expect(page.url()).toContain("#/login");
    await page.close();
  });

  it("should sign the person out on every device from the user menu", async () => {
    const otherDevice = await fetch(`${api.url}/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "hr@demo.gradewatch.test", password: PASSWORD }),
    });
    const { token } = (await otherDevice.json()) as { token: string };
    const me = async () => {
      const res = await fetch(`${api.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: "{ me { id } }" }),
      });
      return ((await res.json()) as { data?: { me?: unknown } }).data?.me ?? null;
    };
    expect(await me()).not.toBeNull();
    const page = await signIn("hr@demo.gradewatch.test");
    await page.getByRole("button", { name: "Profile" }).click();
    await page.getByRole("menuitem", { name: "Sign out everywhere" }).click();
    await page.locator("input[name=username]").waitFor({ timeout: 15_000 });
    expect(page.url()).toContain("#/login");
    expect(await me()).toBeNull();
    await page.close();
  });

  it("should start afresh on the dashboard when someone else signs in from the session dialog", async () => {
    const { page, dialog } = await sessionEndedOnStudents("principal@demo.gradewatch.test");
    await signInInDialog(dialog, "admin@demo.gradewatch.test");
    await expect.poll(() => page.getByTestId("viewer").textContent({ timeout: 1000 }).catch(() => ""), { timeout: 20_000 }).toContain("District admin · Whole district");
    expect(new URL(page.url()).hash).toBe("#/");
    expect(await page.locator("tbody tr").count()).toBe(0);
    await page.close();
  });

  it("should let a principal put a student of the school on a section's roster and take them off again", async () => {
    const page = await signIn("principal@demo.gradewatch.test");
    await rowsOf(page, "sections");
    await page.locator("tbody tr").first().click();
    await page.getByRole("tab", { name: "Students" }).click();
    const sectionId = /#\/sections\/(\d+)\/show/.exec(page.url())![1]!;
    type Pupil = { id: string; districtStudentId: string };
    const { section } = await gqlInPage<{ section: { schoolId: string } }>(page, `query($id: ID!) { section(id: $id) { schoolId } }`, { id: sectionId });
    const roster = await gqlInPage<{ students: { items: Pupil[] } }>(page, `query($id: ID!) { students(filter: { sectionId: $id }, perPage: 500) { items { id districtStudentId } } }`, { id: sectionId });
    const school = await gqlInPage<{ students: { items: Pupil[] } }>(page, `query($s: ID!) { students(filter: { schoolId: $s }, perPage: 500) { items { id districtStudentId } } }`, { s: section.schoolId });
    const enrolled = new Set(roster.students.items.map((p) => p.id));
    const outsider = school.students.items.find((p) => !enrolled.has(p.id))!;
    const rows = page.locator("tbody tr").filter({ hasText: outsider.districtStudentId });
    expect(await rows.count()).toBe(0);
    await page.getByLabel("Find a student of this school").fill(outsider.districtStudentId);
    await page.getByRole("option", { name: new RegExp(outsider.districtStudentId) }).click();
    await page.getByRole("button", { name: "Enroll" }).click();
    await page.getByText(/is enrolled$/).waitFor({ timeout: 15_000 });
    await page.getByLabel("Find a student of this school").fill("");
    await page.locator("tbody tr").filter({ hasText: outsider.districtStudentId }).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(shots, "section-roster.png") });
    await rows.getByRole("button", { name: "Remove" }).click();
    await page.getByRole("button", { name: "Confirm" }).click();
    await page.getByText(/is no longer enrolled$/).waitFor({ timeout: 15_000 });
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(0);
    await page.close();
  });
});
