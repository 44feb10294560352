/**
 * Stage 5: where the API server's own CPU goes under the mixed load. A second server runs with V8's sampling profiler
 * (`node --cpu-prof`, written when it exits) while the mix runs at half of the saturation rate; its samples are added
 * up per part (a package under node_modules, Node's internals, a folder of src/, garbage collection) and per function.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

import { PROJECT_ROOT } from "../../src/config.js";
import { cannon } from "./cannon.js";
import { API_PORT, BENCH_DIR, MIXED_CONNECTIONS, PROFILE_SECONDS, type ApiContext } from "./context.js";
import { startServer } from "./server.js";
import type { ProfileResult } from "./types.js";
import type { Req } from "./workload.js";

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[];
  samples: number[];
  /** Microseconds since the previous sample. */
  timeDeltas: number[];
}

const TOP_FUNCTIONS = 12;

function partOf(url: string, fn: string): string {
  if (fn === "(garbage collector)") return "garbage collection";
  if (fn === "(program)") return "V8 / native (program)";
  if (fn === "(idle)") return "(idle)";
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  if (url.startsWith("node:") || (!url.includes("/") && url !== "")) return "Node.js internals";
  const rel = url.replace(/^file:\/\//, "").replace(PROJECT_ROOT + "/", "");
  if (rel.startsWith("src/")) return rel.split("/").slice(0, 3).join("/").replace(/\.ts$/, "");
  return rel || "V8 / native";
}

/** Shares of busy samples per part and the functions with the most self time. */
export function summariseProfile(
  file: string,
  lastSeconds = Infinity,
): Omit<ProfileResult, "rate" | "seconds" | "file"> {
  const prof = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  // Only the last `lastSeconds` (the load and the shutdown): the server's start-up (module loading) is not the API.
  const at: number[] = [];
  prof.timeDeltas.reduce((t, d, i) => (at[i] = t + d), 0);
  const from = at[at.length - 1] - lastSeconds * 1e6;
  const kept = prof.samples.filter((_, i) => at[i] >= from);
  const hits = new Map<number, number>();
  for (const s of kept) hits.set(s, (hits.get(s) ?? 0) + 1);
  const byPart = new Map<string, number>();
  const byFn = new Map<string, { fn: string; where: string; n: number }>();
  let busy = 0;
  for (const node of prof.nodes) {
    const n = hits.get(node.id) ?? 0;
    if (!n) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const part = partOf(url, functionName);
    if (part === "(idle)") continue;
    busy += n;
    byPart.set(part, (byPart.get(part) ?? 0) + n);
    const where = `${url.replace(/^file:\/\//, "").replace(PROJECT_ROOT + "/", "")}:${lineNumber + 1}`;
    const key = `${functionName}@${where}`;
    const f = byFn.get(key) ?? { fn: functionName || "(anonymous)", where, n: 0 };
    f.n += n;
    byFn.set(key, f);
  }
  return {
    busyShare: busy / kept.length,
    byPart: [...byPart.entries()].map(([part, n]) => ({ part, share: n / busy })).sort((a, b) => b.share - a.share),
    top: [...byFn.values()]
      .sort((a, b) => b.n - a.n)
      .slice(0, TOP_FUNCTIONS)
      .map((f) => ({ fn: f.fn, where: f.where, share: f.n / busy })),
  };
}

/** The mix at `rate` for PROFILE_SECONDS against a profiled server of its own; the profile summarised. */
export async function profileServer(ctx: ApiContext, requests: Req[], rate: number): Promise<ProfileResult> {
  const dir = path.join(BENCH_DIR, "profile");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const server = await startServer({
    name: "api-server-profiled",
    port: API_PORT + 10,
    env: ctx.serverEnv,
    nodeArgs: ["--cpu-prof", "--cpu-prof-dir", dir],
  });
  try {
    console.log(`  profile: ${rate} requests/s for ${PROFILE_SECONDS} s against a server under --cpu-prof...`);
    await cannon(server.url, requests, { connections: MIXED_CONNECTIONS, duration: PROFILE_SECONDS, rate });
  } finally {
    await server.stop();
  }
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  if (!files.length) throw new Error(`the profiled server wrote no .cpuprofile into ${dir}`);
  const file = path.join(dir, files[0]);
  const summary = summariseProfile(file, PROFILE_SECONDS + 2);
  console.log(
    `  profile: busy ${(summary.busyShare * 100).toFixed(0)}%; ${summary.byPart
      .slice(0, 6)
      .map((p) => `${p.part} ${(p.share * 100).toFixed(0)}%`)
      .join(", ")}`,
  );
  return { rate, seconds: PROFILE_SECONDS, ...summary, file: path.relative(PROJECT_ROOT, file) };
}
