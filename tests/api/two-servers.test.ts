/**
 * Several API servers on one database, as behind a load balancer: two real `src/index.ts` processes on the test
 * database. One answers (and caches) the graph; the other starts with a changed seed and loads it under the load lock;
 * the first then answers with the new version, never its cached answer of the old one, and the stored checksum
 * describes the graph in the database.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PROJECT_ROOT } from "../../src/config.js";
import type { Db } from "../../src/db/driver.js";
import { storedChecksum } from "../../src/seed/graph-meta.js";
import { exportSeed } from "../../src/seed/export.js";
import { graphChecksum, loadSeedGraph } from "../../src/seed/load.js";
import { validateSeed } from "../../src/seed/validate.js";
import { FUTURE_DATE, RENAMED_SUFFIX, changedSeedGraph } from "../support/changed-seed.js";
import { testConfig, testDb } from "../support/db.js";

const START_TIMEOUT_MS = 180_000;

let db: Db;
let changedSeedDir: string;
const servers: ChildProcess[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `npm start`'s entry point on a free port against the test database; resolves with its base URL once it listens. */
async function startServer(options: { load: boolean; seedDir?: string }): Promise<string> {
  const port = await freePort();
  const config = testConfig();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // The test database as a user's own server would be named (the same URI scheme the tests use: bolt or neo4j).
    NEO4J_URI: config.uri,
    NEO4J_USERNAME: config.username,
    NEO4J_PASSWORD: config.password,
    AUDIT_LOG: path.join(mkdtempSync(path.join(tmpdir(), "two-servers-")), "audit.jsonl"),
    LOG_LEVEL: "warn",
    ...(options.seedDir ? { SEED_DIR: options.seedDir } : {}),
  };
  const args = [
    path.join(PROJECT_ROOT, "src", "index.ts"),
    "--port",
    String(port),
    "--no-build",
    ...(options.load ? [] : ["--no-load"]),
  ];
  const child = spawn(path.join(PROJECT_ROOT, "node_modules", ".bin", "tsx"), args, {
    cwd: PROJECT_ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  servers.push(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let exited: number | null | undefined;
  child.once("exit", (code) => (exited = code));
  // Ready when it answers: its log lines depend on LOG_LEVEL and the terminal, its health route does not.
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exited !== undefined) throw new Error(`the server on port ${port} exited (${exited}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`the server on port ${port} did not start in time:\n${output}`);
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.status < 500,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return `http://127.0.0.1:${port}`;
}

async function chinaLabel(base: string): Promise<string | undefined> {
  const res = await fetch(`${base}/api/graph/overview?limit=50`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { graph: { nodes: { key: string; attributes: { label: string } }[] } };
  return body.graph.nodes.find((n) => n.key === "jur:cn")?.attributes.label;
}

async function latestDate(base: string): Promise<string> {
  const res = await fetch(`${base}/api/queries/latest-events`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ params: { limit: 5 } }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { rows: { date: string }[] }).rows[0].date;
}

beforeAll(async () => {
  db = testDb();
  // The changed seed as seed files, written by the export (the format a user edits).
  await loadSeedGraph(db, changedSeedGraph(["jur:cn"]).graph);
  changedSeedDir = mkdtempSync(path.join(tmpdir(), "changed-seed-"));
  writeFileSync(path.join(changedSeedDir, "graph.json"), JSON.stringify(await exportSeed(db)));
  await loadSeedGraph(db, validateSeed().graph);
}, START_TIMEOUT_MS);

afterAll(async () => {
  for (const child of servers) child.kill("SIGTERM");
  await loadSeedGraph(db, validateSeed().graph);
  await db?.close();
});

describe("two API servers on one database", () => {
  it(
    "refuses bad input on both, as one server does",
    async () => {
      const base = await startServer({ load: false });
      const res = await fetch(`${base}/api/graph/overview?limit=0`);
      expect(res.status).toBe(400);
    },
    START_TIMEOUT_MS,
  );

  it(
    "a load through one is what the other answers next, never its cached answer of the old graph",
    async () => {
      const reader = await startServer({ load: false });
      const china = await chinaLabel(reader);
      expect(china).toBeTruthy();
      expect(china).not.toMatch(/renamed/);
      // Asked again: from the reader's memory now.
      expect(await chinaLabel(reader)).toBe(china);
      expect(await latestDate(reader)).not.toBe(FUTURE_DATE);

      // The second server loads the changed seed files as it starts (under the load lock), then listens.
      const loader = await startServer({ load: true, seedDir: changedSeedDir });
      expect(await chinaLabel(reader)).toBe(`${china}${RENAMED_SUFFIX}`);
      expect(await latestDate(reader)).toBe(FUTURE_DATE);
      expect(await chinaLabel(loader)).toBe(`${china}${RENAMED_SUFFIX}`);

      // The checksum the load stored is the one of the graph in the database, which both servers key their caches on.
      const stored = await storedChecksum(db);
      expect(stored.checksum).toBe(await graphChecksum(db));
    },
    2 * START_TIMEOUT_MS,
  );
});
