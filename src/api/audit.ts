/** The audit log: one JSON line per console query or briefing (time, caller, query or parameters, rows, outcome). */
import { appendFileSync } from "node:fs";
import type { Request } from "express";

import type { AppOptions } from "./deps.js";

export function audit(options: AppOptions, req: Request, entry: Record<string, unknown>): void {
  if (!options.auditLog) return;
  const line = { time: new Date().toISOString(), caller: req.ip, ...entry };
  try {
    appendFileSync(options.auditLog, `${JSON.stringify(line)}\n`);
  } catch (err) {
    req.log?.error({ err }, "could not write the audit log");
  }
}
