import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mainJs, runApiExpectingFailure, startApiProcess, type RunningApi } from "./test/process.js";

const schoolTotal = async (url: string) => {
  const signIn = await fetch(`${url}/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@demo.gradewatch.test", password: "gradewatch-demo" }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: "{ schools { total } students { total } }" }),
  });
  return ((await res.json()) as any).data as { schools: { total: number }; students: { total: number } };
};

const clockNow = async (url: string) => Date.parse(((await (await fetch(`${url}/healthz`)).json()) as { now: string }).now);

describe("the start command on the embedded database", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gradewatch-main-"));
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApiProcess({ DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await api?.stop("SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("should migrate, seed the demo district, print the URL and logins, and report pglite on /healthz", async () => {
    expect(api.output()).toMatch(/Gradewatch is running at http:\/\/localhost:\d+\//);
    expect(api.output()).toMatch(/Demo logins \(password "gradewatch-demo"\)/);
    expect(api.output()).toMatch(/DISTRICT_ADMIN\s+admin@demo\.gradewatch\.test/);
    const health = await fetch(`${api.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: "pglite", simulatedClock: true });
    const totals = await schoolTotal(api.url);
    expect(totals.schools.total).toBeGreaterThanOrEqual(30);
    expect(totals.students.total).toBeGreaterThanOrEqual(5000);
  });

  it("should refuse a second process on the same data directory with a clear message", async () => {
    const second = await runApiExpectingFailure({ DATA_DIR: dataDir });
    expect(second.code).toBe(1);
    expect(second.output).toMatch(/data directory is already in use by process \d+/);
    expect(second.output).not.toMatch(/\n\s+at /);
  });

  it("should close cleanly on SIGTERM and keep the data and the clock's progress for the next start without reseeding", async () => {
    const before = await schoolTotal(api.url);
    const clockBefore = await clockNow(api.url);
    expect(await api.stop("SIGTERM")).toBe(0);
    expect(fs.existsSync(path.join(dataDir, "gradewatch.lock"))).toBe(false);
    api = await startApiProcess({ DATA_DIR: dataDir, LOG_LEVEL: "info" });
    expect(api.output()).not.toMatch(/loading the demo district/);
    expect(await schoolTotal(api.url)).toEqual(before);
    // The demo clock continues from where it stopped instead of going back to 08:00.
    expect(await clockNow(api.url)).toBeGreaterThanOrEqual(clockBefore);
    expect(api.output()).toMatch(/continuing where it stopped/);
  });

  it("should close cleanly on SIGINT (Ctrl-C) too", async () => {
    expect(await api.stop("SIGINT")).toBe(0);
    expect(api.output()).toMatch(/database closed/);
    expect(fs.existsSync(path.join(dataDir, "gradewatch.lock"))).toBe(false);
  });
});

describe("Ctrl-C while the first start loads the demo district", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gradewatch-sigint-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("should close the database and release the data directory", async () => {
    const child = spawn(process.execPath, [mainJs], {
      env: { ...process.env, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    await new Promise<void>((resolve) => child.stdout!.on("data", (d: Buffer) => ((out += d.toString()), String(d).includes("loading the demo district") && resolve())));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(out).toMatch(/database closed/);
    expect(out).not.toMatch(/running at/);
    expect(fs.existsSync(path.join(dataDir, "gradewatch.lock"))).toBe(false);
  });
});

describe("a start without the demo district", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gradewatch-nodemo-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("should not print demo logins that do not exist", async () => {
    const api = await startApiProcess({ DATA_DIR: dataDir, SEED_DEMO: "false" });
    try {
      expect(api.output()).toMatch(/Gradewatch is running at/);
      expect(api.output()).not.toMatch(/Demo logins/);
    } finally {
      expect(await api.stop("SIGTERM")).toBe(0);
    }
  });
});

describe("a first start interrupted while loading the demo district", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gradewatch-killed-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("should leave no half district behind: the next start loads all of it", async () => {
    const child = spawn(process.execPath, [mainJs], {
      env: { ...process.env, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    await new Promise<void>((resolve) => child.stdout!.on("data", (d: Buffer) => String(d).includes("loading the demo district") && resolve()));
    await new Promise((r) => setTimeout(r, 300));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const api = await startApiProcess({ DATA_DIR: dataDir, LOG_LEVEL: "info" });
    try {
      expect(api.output()).toMatch(/loading the demo district/);
      const totals = await schoolTotal(api.url);
      expect(totals.schools.total).toBeGreaterThanOrEqual(30);
    } finally {
      await api.stop();
    }
  });
});

describe("the start command's configuration", () => {
  it("should refuse a DATABASE_URL that is not PostgreSQL", async () => {
    const res = await runApiExpectingFailure({ DATABASE_URL: "mysql://localhost/x" });
    expect(res.code).toBe(1);
    expect(res.output).toContain("DATABASE_URL must start with postgres://");
  });

  it.runIf(process.env.TEST_DATABASE_URL)("should run on PostgreSQL when DATABASE_URL is set", async () => {
    const { default: pg } = await import("pg");
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const name = `gw_main_${process.pid}`;
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const api = await startApiProcess({ DATABASE_URL: url.toString(), SEED_DEMO: "true" });
    try {
      expect(await (await fetch(`${api.url}/healthz`)).json()).toMatchObject({ database: "postgres" });
      expect((await schoolTotal(api.url)).schools.total).toBeGreaterThanOrEqual(30);
    } finally {
      expect(await api.stop("SIGTERM")).toBe(0);
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
