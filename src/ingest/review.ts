/**
 * Review: turns a candidates file and the reviewer's decisions into a plain seed file, and checks it with the
 * loader's own validation before it is written. Decisions come from a threshold (`--accept-above`) or from the
 * terminal flow of the review command; the rules that follow from them live here:
 * - a relationship is kept only with the entities it needs: a rejected new entity drops its relationships, a
 *   rejected match drops the relationships whose quote contains that mention; cases and sources come along;
 * - relationships already in the graph are left out unless asked for (they would be the same fact twice);
 * - the `candidate` objects are stripped, so the output is exactly the seed format.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { SEED_DIR } from "../config.js";
import { SeedValidationError, type SeedProblem } from "../errors.js";
import { listSeedFiles } from "../seed/read.js";
import { validateSeed } from "../seed/validate.js";
import type { ReviewedSeed } from "./review-rules.js";

// The rules themselves have no Node imports, so that the review page in the explorer runs the same ones.
export {
  assembleReviewed,
  autoAcceptsEntity,
  autoAcceptsRelationship,
  autoDecisions,
  DEFAULT_ACCEPT_ABOVE,
  followPartyTo,
  MIN_AUTO_ENTITY_CONFIDENCE,
  type Decision,
  type Decisions,
  type ReviewedSeed,
  type ReviewOptions,
  type ReviewResult,
  type Verdict,
} from "./review-rules.js";

/**
 * Validates the reviewed seed file together with the seed files it will join (all files under `seedPaths` except
 * the one it replaces), exactly as `npm run validate` would (`docsDir` replaces the documents folders, for tests).
 * Returns the problems; none means it can be written.
 */
export function validateReviewed(
  seed: ReviewedSeed,
  outFile: string,
  seedPaths: string[] = [SEED_DIR],
  docsDir?: string,
): SeedProblem[] {
  const dir = mkdtempSync(path.join(tmpdir(), "review-"));
  const tmp = path.join(dir, path.basename(outFile).replace(/\.(ya?ml)$/, ".json"));
  try {
    writeFileSync(tmp, JSON.stringify(seed));
    const others = listSeedFiles(seedPaths).filter((f) => path.resolve(f) !== path.resolve(outFile));
    validateSeed({ paths: [...others, tmp], docsDir });
    return [];
  } catch (err) {
    if (err instanceof SeedValidationError)
      return err.problems.map((p) => ({ ...p, file: p.file.includes(path.basename(dir)) ? outFile : p.file }));
    throw err;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
