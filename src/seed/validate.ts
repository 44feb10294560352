/**
 * Validates a set of seed files as a whole: every file parsed by the zod model, then the cross-file checks. Returns
 * the assembled graph only when there is no problem at all, so a caller cannot write a half-valid graph.
 */
import { INGEST_DOCS_DIR, SEED_DOCS_DIR, SEED_DIR, PROJECT_ROOT } from "../config.js";
import { SeedValidationError } from "../errors.js";
import { assembleSeedGraph, type SeedGraph } from "./graph.js";
import { listSeedFiles, readSeedFiles } from "./read.js";

export interface ValidateOptions {
  paths?: string[];
  docsDir?: string;
}

export interface ValidatedSeed {
  graph: SeedGraph;
  files: string[];
  warnings: string[];
}

/** Throws SeedValidationError listing every problem (file, path, reason); otherwise returns the graph. */
export function validateSeed(options: ValidateOptions = {}): ValidatedSeed {
  const files = listSeedFiles(options.paths ?? [SEED_DIR]);
  const { files: parsed, problems } = readSeedFiles(files, PROJECT_ROOT);
  // Quotes of ingested documents are checked against their stored text when the seed documents do not hold them.
  const assembled = assembleSeedGraph(parsed, { docsDir: options.docsDir ?? SEED_DOCS_DIR, extraDocsDirs: options.docsDir ? [] : [INGEST_DOCS_DIR] });
  const all = [...problems, ...assembled.problems];
  if (all.length > 0) throw new SeedValidationError(all);
  return { graph: assembled.graph, files, warnings: assembled.warnings };
}
