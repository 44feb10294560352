/** `npm run export -- --out graph.json`: the whole graph in the seed format, loadable with `npm run load -- --seed`. */
import { writeFileSync } from "node:fs";

import { Command } from "commander";

import { createDb } from "../db/driver.js";
import { ensureDatabase } from "../db/ensure.js";
import { AppError } from "../errors.js";
import { exportSeed } from "../seed/export.js";

const opts = new Command()
  .name("export")
  .description("Write the whole graph in the seed format")
  .requiredOption("--out <file>", "the JSON file to write")
  .parse()
  .opts<{ out: string }>();

async function main(): Promise<void> {
  const db = createDb(ensureDatabase());
  try {
    const seed = await exportSeed(db);
    writeFileSync(opts.out, `${JSON.stringify(seed, null, 2)}\n`);
    console.log(
      `Wrote ${opts.out}: ${seed.entities.length} entities, ${seed.sources.length} sources, ${seed.relationships.length} relationships.`,
    );
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(`export: ${err instanceof AppError ? err.message : ((err as Error).stack ?? err)}`);
  process.exitCode = 1;
});
