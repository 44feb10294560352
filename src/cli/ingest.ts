/**
 * `npm run ingest -- <file|folder>... --out candidates.json`: reads newsletters (.txt .md .html .pdf .docx), extracts
 * candidate entities and relationships with their evidence, and writes a candidates file for `npm run review`.
 *   --source-url, --publisher, --date, --title   metadata for the documents (an item's own date or link still wins)
 *   --lang zh|en|mixed                            the documents' language (default: detected)
 *   --graph seed|db                               entity names from the seed files (default) or from the database
 *   --skip-bad                                    skip unreadable documents instead of stopping
 *   --force                                       replace a different stored text of the same document name
 *   --no-hanlp                                    skip the Chinese NLP stage (HanLP in a side JVM; on by default)
 * Bad input (empty, binary, encrypted, too large, unknown type) stops with the file and the reason, and nothing is
 * written. On success the documents' plain text is stored under .data/documents for quote checking.
 */
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

import cliProgress from "cli-progress";
import { Command } from "commander";
import { z } from "zod";

import { SEED_DIR } from "../config.js";
import { createDb } from "../db/driver.js";
import { ensureDatabase } from "../db/ensure.js";
import { AppError, BadRequestError, SeedValidationError } from "../errors.js";
import { buildDictionary } from "../ingest/dictionary.js";
import { candidatesFile, createRun, extractDocument, type DocumentResult } from "../ingest/extract.js";
import { graphFromDb, graphFromSeed } from "../ingest/graph-source.js";
import { tagDocuments } from "../ingest/hanlp.js";
import { normalise } from "../ingest/normalise.js";
import { readDocument, SUPPORTED_EXTENSIONS } from "../ingest/readers/index.js";
import { checkStorable, storeDocumentTexts } from "../ingest/store.js";
import type { GraphIndex, ReadDocument } from "../ingest/types.js";
import { IsoDate } from "../model/index.js";
import { validateSeed } from "../seed/validate.js";

const LANGS = ["zh", "en", "mixed"];

const program = new Command()
  .name("ingest")
  .description("Extract candidate entities and relationships from documents, for review")
  .argument("<paths...>", `documents or folders (${SUPPORTED_EXTENSIONS.join(" ")})`)
  .requiredOption("--out <file>", "the candidates file to write")
  .option("--source-url <url>", "the documents' URL")
  .option("--publisher <name>", "the documents' publisher")
  .option("--date <date>", "the documents' date (YYYY-MM-DD)")
  .option("--title <title>", "the documents' title")
  .option("--lang <lang>", "zh, en or mixed (default: detected)")
  .option("--graph <from>", "entity names from: seed (the seed files) or db (the database)", "seed")
  .option("--skip-bad", "skip unreadable documents instead of stopping")
  .option("--force", "replace a different stored text of the same document name")
  .option("--no-hanlp", "skip the Chinese NLP stage (HanLP in a side JVM)")
  .parse();

interface Opts {
  out: string;
  sourceUrl?: string;
  publisher?: string;
  date?: string;
  title?: string;
  lang?: string;
  graph: string;
  skipBad?: boolean;
  force?: boolean;
  hanlp: boolean;
}
const opts = program.opts<Opts>();

function checkOptions(o: Opts): void {
  if (o.date && !IsoDate.safeParse(o.date).success)
    throw new BadRequestError(`--date '${o.date}' is not a date; write YYYY-MM-DD`);
  if (o.sourceUrl && !z.url().safeParse(o.sourceUrl).success)
    throw new BadRequestError(`--source-url '${o.sourceUrl}' is not a URL`);
  if (o.lang && !LANGS.includes(o.lang))
    throw new BadRequestError(`--lang '${o.lang}': use one of ${LANGS.join(", ")}`);
  if (!["seed", "db"].includes(o.graph)) throw new BadRequestError(`--graph '${o.graph}': use seed or db`);
}

/** The files to read: given files as they are, folders walked (only supported types; hidden files skipped). */
function collectFiles(paths: string[]): { files: string[]; skipped: string[]; folder: boolean } {
  const files: string[] = [];
  const skipped: string[] = [];
  let folder = false;
  const walk = (p: string) => {
    for (const name of readdirSync(p).sort()) {
      if (name.startsWith(".")) continue;
      const full = path.join(p, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (SUPPORTED_EXTENSIONS.includes(path.extname(name).toLowerCase())) files.push(full);
      else skipped.push(full);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new BadRequestError(`${p}: no such file or folder`);
    }
    if (st.isDirectory()) {
      folder = true;
      walk(p);
    } else files.push(p);
  }
  if (files.length === 0)
    throw new BadRequestError(
      `no document to ingest in ${paths.join(", ")} (readable types: ${SUPPORTED_EXTENSIONS.join(" ")})`,
    );
  return { files, skipped, folder };
}

async function loadGraph(from: string): Promise<GraphIndex> {
  if (from === "db") {
    const db = createDb(ensureDatabase());
    try {
      return await graphFromDb(db);
    } finally {
      await db.close();
    }
  }
  return graphFromSeed(validateSeed().graph);
}

async function main(): Promise<void> {
  checkOptions(opts);
  const { files, skipped, folder } = collectFiles(program.args);
  for (const s of skipped) console.warn(`skipped ${s}: not a document type the ingest command reads`);

  const bar =
    folder && process.stdout.isTTY
      ? new cliProgress.SingleBar(
          { format: "{phase} [{bar}] {value}/{total} {file}" },
          cliProgress.Presets.shades_classic,
        )
      : null;
  const docs: ReadDocument[] = [];
  const failures: string[] = [];
  bar?.start(files.length, 0, { phase: "reading   ", file: "" });
  for (const [i, file] of files.entries()) {
    bar?.update(i, { file: path.basename(file) });
    try {
      docs.push(await readDocument(file));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      failures.push(err.message);
    }
  }
  bar?.update(files.length, { file: "" });
  bar?.stop();
  if (failures.length && !opts.skipBad) {
    throw new BadRequestError(
      `${failures.length} document(s) could not be read; nothing was written:\n${failures.map((f) => `  ${f}`).join("\n")}\n(--skip-bad ingests the others)`,
    );
  }
  for (const f of failures) console.warn(`skipped ${f}`);
  if (docs.length === 0) throw new BadRequestError("no readable document; nothing was written");
  checkStorable(docs, { force: opts.force });

  const graph = await loadGraph(opts.graph);
  const run = createRun(buildDictionary(graph), graph.relationships);
  // One HanLP process for the whole batch, not one per document or sentence.
  const chinese = opts.hanlp ? await tagDocuments(docs, (t) => normalise(t).text) : new Map();
  const results: DocumentResult[] = [];
  bar?.start(docs.length, 0, { phase: "extracting", file: "" });
  for (const [i, doc] of docs.entries()) {
    bar?.update(i, { file: doc.document });
    results.push(
      extractDocument(run, doc, {
        meta: { url: opts.sourceUrl, publisher: opts.publisher, date: opts.date, title: opts.title },
        lang: opts.lang,
        chinese: chinese.get(doc.document),
      }),
    );
  }
  bar?.update(docs.length, { file: "" });
  bar?.stop();

  const file = candidatesFile(run, results);
  writeFileSync(opts.out, `${JSON.stringify(file, null, 2)}\n`);
  const stored = storeDocumentTexts(docs, { force: opts.force });

  const rels = file.relationships.filter((r) => r.type !== "PARTY_TO");
  const byType = new Map<string, { fresh: number; existing: number }>();
  for (const r of rels) {
    const t = byType.get(r.type) ?? { fresh: 0, existing: 0 };
    if (r.candidate.existing) t.existing++;
    else t.fresh++;
    byType.set(r.type, t);
  }
  const newEntities = file.entities.filter((e) => e.candidate.status === "new" && e.label !== "Case").length;
  const matches = file.entities.filter((e) => e.candidate.status === "match").length;
  const cases = file.entities.filter((e) => e.label === "Case").length;
  console.log(
    `Read ${docs.length} document(s), ${results.reduce((n, r) => n + r.stats.items, 0)} items; linked ${file.matched.length} graph entities.`,
  );
  console.log(
    `Candidates: ${rels.length} relationships (${rels.filter((r) => !r.candidate.existing).length} new, ${rels.filter((r) => r.candidate.existing).length} already in the graph), ${file.relationships.length - rels.length} PARTY_TO`,
  );
  console.log(
    `  by type: ${[...byType.entries()].map(([t, c]) => `${t} ${c.fresh}${c.existing ? `+${c.existing} existing` : ""}`).join(", ")}`,
  );
  console.log(`  entities: ${newEntities} new, ${matches} proposed as matches of existing ones, ${cases} cases`);
  console.log(`Wrote ${opts.out}; document text stored in ${path.dirname(stored[0])}`);
  const stem = docs.length === 1 ? docs[0].document.replace(/\.[a-z]+$/, "") : "ingested";
  // Never suggest overwriting a curated seed file.
  const suggestion = [`${stem}.json`, `${stem}-ingest.json`, `${stem}-ingest-${Date.now()}.json`].find(
    (n) => !existsSync(path.join(SEED_DIR, "documents", n)),
  )!;
  console.log(`Next: npm run review -- ${opts.out} --out seed/documents/${suggestion} [--accept-above 0.8]`);
}

main().catch((err) => {
  if (err instanceof SeedValidationError) console.error(err.message);
  else console.error(`ingest: ${err instanceof AppError ? err.message : ((err as Error).stack ?? err)}`);
  process.exitCode = 1;
});
