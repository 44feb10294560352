/**
 * `npm run load`: validate every seed file, then load them into Neo4j idempotently.
 *   --validate-only   check the files and stop (exit 1 with every problem listed)
 *   --checksum-only   compute the graph checksum from the data, print it, and say whether it matches the one the last
 *                     load stored (exit 1 if it does not: the graph was changed outside the loader)
 *   --checksum        print the checksum after loading
 *   --bulk-import auto|always|never
 *                     the first-load path through neo4j-admin database import (src/seed/import.ts): by default when
 *                     the project's own local instance is empty and the graph large; never for NEO4J_URI
 */
import { Command, Option } from "commander";
import cliProgress from "cli-progress";

import { createDb } from "../db/driver.js";
import { ensureDatabase } from "../db/ensure.js";
import { AppError, ConflictError, SeedValidationError } from "../errors.js";
import { storedChecksum } from "../seed/graph-meta.js";
import { BULK_IMPORT_MODES, bulkImportApplies, importSeedGraph, type BulkImportMode } from "../seed/import.js";
import { graphChecksum, loadSeedGraph, type LoadReport } from "../seed/load.js";
import { lockWaitMessage, withLoadLock } from "../seed/lock.js";
import { validateSeed } from "../seed/validate.js";

const program = new Command()
  .name("load")
  .description("Validate the seed files and load them into Neo4j")
  .option("--seed <paths...>", "seed files or folders (default: seed/)")
  .option("--docs <dir>", "folder of source documents the quotes are checked against (default: ../shared/seeds)")
  .option("--validate-only", "only validate the seed files")
  .option(
    "--checksum-only",
    "only compute the checksum of the graph in the database and compare it with the stored one",
  )
  .option("--checksum", "print the graph checksum after loading")
  .option("--no-prune", "keep entities and relationships that are no longer in the seed files")
  .option("--batch-size <n>", "rows per transaction", (v) => Number.parseInt(v, 10))
  .addOption(
    new Option(
      "--bulk-import <when>",
      "first load of an empty local instance through neo4j-admin database import (the server is stopped meanwhile)",
    )
      .choices(BULK_IMPORT_MODES)
      .default("auto"),
  )
  .parse();

const opts = program.opts<{
  seed?: string[];
  docs?: string;
  validateOnly?: boolean;
  checksumOnly?: boolean;
  checksum?: boolean;
  prune: boolean;
  batchSize?: number;
  bulkImport: BulkImportMode;
}>();

async function main(): Promise<void> {
  if (opts.checksumOnly) {
    const db = createDb(ensureDatabase());
    try {
      const [computed, stored] = await Promise.all([graphChecksum(db), storedChecksum(db)]);
      console.log(computed);
      if (!stored.checksum) {
        console.error(`Not compared: ${stored.problem}. Run \`npm run load\` to store it.`);
        // A checksum was stored, but the counts no longer match it: the graph differs from what the last load wrote.
        if (stored.loadedAt) process.exitCode = 1;
      } else if (stored.checksum === computed) {
        console.error(`Matches the checksum stored by the load of ${stored.loadedAt}.`);
      } else {
        console.error(
          `Differs from the checksum stored by the load of ${stored.loadedAt} (${stored.checksum}): the graph was changed outside the loader since. Run \`npm run load\` to bring it back to the seed files.`,
        );
        process.exitCode = 1;
      }
    } finally {
      await db.close();
    }
    return;
  }
  const seed = validateSeed({ paths: opts.seed, docsDir: opts.docs });
  for (const w of seed.warnings) console.warn(`warning: ${w}`);
  console.log(
    `Validated ${seed.files.length} seed files: ${seed.graph.entities.size} entities, ${seed.graph.relationships.length} relationships.`,
  );
  if (opts.validateOnly) return;

  let db = createDb(ensureDatabase());
  const bar = process.stdout.isTTY
    ? new cliProgress.SingleBar({ format: "{phase} [{bar}] {value}/{total}" }, cliProgress.Presets.shades_classic)
    : null;
  let phase = "";
  try {
    // Under the load lock: whether the database is empty, and if not, the transactional load.
    let report: LoadReport | "import" = await withLoadLock(
      db,
      async () => {
        if (opts.bulkImport !== "never") {
          const decision = await bulkImportApplies(db, seed.graph, opts.bulkImport === "always" ? 0 : undefined);
          if (decision.applies) return "import" as const;
          if (opts.bulkImport === "always")
            throw new ConflictError(`--bulk-import always: the first-load path does not apply: ${decision.reason}.`);
        }
        return loadSeedGraph(db, seed.graph, {
          batchSize: opts.batchSize,
          prune: opts.prune,
          onProgress: (p) => {
            if (!bar) return;
            if (p.phase !== phase) {
              if (phase) bar.stop();
              phase = p.phase;
              bar.start(p.total, p.done, { phase: p.phase.padEnd(13) });
            } else bar.update(p.done);
          },
        });
      },
      (holder) => console.log(`${lockWaitMessage(holder)}...`),
    );
    if (report === "import") {
      // The lock's transaction has ended; the server stops now, and scripts/neo4j.sh's import lock keeps it stopped.
      console.log(
        "The local database is empty: first load through neo4j-admin database import (the server is stopped meanwhile; --bulk-import never to load transactionally)...",
      );
      ({ db, report } = await importSeedGraph(db, seed.graph, { onPhase: (p) => console.log(`  ${p}...`) }));
    }
    bar?.stop();
    console.log(
      report.changed ? "Loaded: the graph changed." : "Nothing changed: the graph already matched the seed files.",
    );
    console.log(
      `Entities: ${report.entities}  Relationships: ${report.relationships}  Pruned: ${report.pruned.entities} entities, ${report.pruned.relationships} relationships`,
    );
    console.log(
      `By label: ${Object.entries(report.byLabel)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    );
    console.log(
      `By type:  ${Object.entries(report.byType)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    );
    if (opts.checksum || report.changed) console.log(`Checksum: ${report.checksumAfter}`);
  } finally {
    bar?.stop();
    await db.close();
  }
}

main().catch((err) => {
  if (err instanceof SeedValidationError) {
    console.error(err.message);
  } else if (err instanceof AppError) {
    console.error(`load: ${err.message}`);
  } else {
    console.error(`load: ${(err as Error).stack ?? err}`);
  }
  process.exitCode = 1;
});
