/**
 * `npm run whatsnew -- --since <date> [--watch company:x,regulator:y]`: what the graph gained since a date (new cases,
 * investigations, lawsuits, accusations, fines, laws and guidance), grouped by the watched entities and by
 * jurisdiction, each with its quote and source: the monthly horizon scan.
 *   --only-watched   only the watched entities' events (by default the jurisdiction view lists everything)
 *   --json           print the result as JSON
 *   --limit          at most this many events (default 2000)
 */
import { Command } from "commander";

import { createDb } from "../db/driver.js";
import { ensureDatabase } from "../db/ensure.js";
import { AppError } from "../errors.js";
import { formatWhatsNew, MAX_WHATSNEW_ROWS, whatsNew } from "../ingest/whatsnew.js";

const opts = new Command()
  .name("whatsnew")
  .description("List what the graph gained since a date")
  .requiredOption("--since <date>", "ISO date (YYYY-MM-DD or YYYY-MM)")
  .option("--watch <ids>", "comma-separated entity ids to group by (company:openai,regulator:gb-ico)")
  .option("--only-watched", "list only the watched entities' events, also by jurisdiction")
  .option("--json", "print JSON")
  .option("--limit <n>", "at most this many events", (v) => Number.parseInt(v, 10), MAX_WHATSNEW_ROWS)
  .parse()
  .opts<{ since: string; watch?: string; onlyWatched?: boolean; json?: boolean; limit: number }>();

async function main(): Promise<void> {
  const watch = (opts.watch ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const db = createDb(ensureDatabase());
  try {
    const result = await whatsNew(db, opts.since, watch, opts.limit, Boolean(opts.onlyWatched));
    console.log(opts.json ? JSON.stringify(result, null, 2) : formatWhatsNew(result));
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(`whatsnew: ${err instanceof AppError ? err.message : ((err as Error).stack ?? err)}`);
  process.exitCode = 1;
});
