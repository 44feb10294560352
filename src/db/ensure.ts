/**
 * Makes sure a database is there: with NEO4J_URI set, the user's server is used as is; otherwise the project's local
 * instance is started (idempotent: a running one is reused) by scripts/neo4j.sh.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

import { dbConfig, PROJECT_ROOT, type DbConfig } from "../config.js";
import { DatabaseUnavailableError } from "../errors.js";

export function ensureDatabase(env: NodeJS.ProcessEnv = process.env): DbConfig {
  const config = dbConfig(env);
  if (!config.local) return config;
  // The script's messages go to stderr: a CLI's stdout may carry its result (a checksum, a briefing).
  const res = spawnSync("bash", [path.join(PROJECT_ROOT, "scripts", "neo4j.sh"), "start"], {
    env,
    stdio: ["ignore", process.stderr, "inherit"],
  });
  if (res.status !== 0)
    throw new DatabaseUnavailableError(
      `The local Neo4j instance '${config.instance}' could not be started (see the message above).`,
    );
  return dbConfig(env);
}
