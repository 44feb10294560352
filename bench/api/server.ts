/**
 * The API server as a second process (`node --import tsx src/index.ts`), so that one pid serves and its RSS can be
 * read from /proc; optionally with V8's CPU profiler on (written when it exits).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from "node:fs";
import path from "node:path";

import { PROJECT_ROOT } from "../../src/config.js";
import { BENCH_DIR } from "./context.js";

export interface ServerProcess {
  pid: number;
  url: string;
  logFile: string;
  rssMb(): number;
  stop(): Promise<void>;
}

/** VmRSS of a process in MB, from /proc/<pid>/status. */
export function rssMb(pid: number): number {
  const m = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+)\s+kB/m);
  if (!m) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]) / 1024;
}

/**
 * Starts `node --import tsx src/index.ts --no-build --no-load --port <port>` with the given environment, its output
 * in .data/bench/<name>.log, and waits until /api/health answers. With `loadSeed` the server loads the seed graph
 * first, as `npm start` does (a no-op when the instance already holds it: same checksum).
 */
export async function startServer(opts: {
  name: string;
  port: number;
  env: Record<string, string>;
  nodeArgs?: string[];
  loadSeed?: boolean;
}): Promise<ServerProcess> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const logFile = path.join(BENCH_DIR, `${opts.name}.log`);
  const fd = openSync(logFile, "w");
  const args = [
    ...(opts.nodeArgs ?? []),
    "--import",
    "tsx",
    "src/index.ts",
    "--no-build",
    ...(opts.loadSeed ? [] : ["--no-load"]),
    "--port",
    String(opts.port),
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, AUDIT_LOG: path.join(BENCH_DIR, "audit.jsonl"), ...opts.env },
    stdio: ["ignore", fd, fd],
  });
  closeSync(fd);
  let exited: number | null = null;
  child.on("exit", (code) => (exited = code ?? -1));
  const url = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited !== null)
      throw new Error(`the API server exited (code ${exited}) while starting; see ${logFile}:\n${tail(logFile)}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the API server did not answer /api/health within 180 s; see ${logFile}`);
    }
    const ok = await fetch(`${url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await sleep(500);
  }
  const pid = child.pid!;
  // The pid must be the node process that listens, not a wrapper (npx and tsx's CLI would add two).
  if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("src/index.ts"))
    throw new Error(`pid ${pid} is not the API server`);
  return {
    pid,
    url,
    logFile,
    rssMb: () => {
      if (exited !== null)
        throw new Error(`the API server (pid ${pid}) has ended (code ${exited}); see ${logFile}:\n${tail(logFile, 5)}`);
      return rssMb(pid);
    },
    stop: async () => {
      if (exited !== null) return;
      const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

/** GET as text, retried once on a network error: fetch may reuse a keep-alive socket the server has closed. */
export async function fetchText(url: string): Promise<string> {
  const get = async () => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
    return res.text();
  };
  return get().catch((err: Error) => (err.message.startsWith("GET ") ? Promise.reject(err) : get()));
}

function tail(file: string, lines = 20): string {
  return existsSync(file) ? readFileSync(file, "utf8").split("\n").slice(-lines).join("\n") : "";
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
