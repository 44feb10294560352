/** autocannon driving the server: a list of requests sent round-robin, every latency kept. */
import { createRequire } from "node:module";

import { REQUEST_TIMEOUT_S } from "./context.js";
import type { Req } from "./workload.js";

interface Histogram {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  average: number;
}
interface CannonResult {
  requests: { total: number; average: number; sent: number };
  latency: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface CannonInstance {
  on(event: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  on(event: "tick", fn: () => void): void;
}
type Autocannon = (opts: Record<string, unknown>, cb: (err: Error | null, res: CannonResult) => void) => CannonInstance;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

export interface Run {
  latencies: number[];
  result: CannonResult;
}

export function cannon(
  url: string,
  requests: Req[],
  opts: { connections: number; duration?: number; amount?: number; rate?: number; onTick?: () => void },
): Promise<Run> {
  let i = 0;
  const next = () => requests[i++ % requests.length];
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: opts.connections,
        ...(opts.amount ? { amount: opts.amount } : { duration: opts.duration }),
        ...(opts.rate ? { overallRate: opts.rate } : {}),
        timeout: REQUEST_TIMEOUT_S,
        requests: [
          {
            setupRequest: (req: Record<string, unknown>) => {
              const r = next();
              const headers = r.body
                ? { "content-type": "application/json", accept: "application/json" }
                : { accept: "application/json" };
              return { ...req, method: r.method, path: r.path, body: r.body ?? "", headers };
            },
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve({ latencies, result: res })),
    );
    instance.on("response", (_c, _s, _b, ms) => latencies.push(ms));
    if (opts.onTick) instance.on("tick", opts.onTick);
  });
}
