/**
 * `npm run review -- candidates.json --out seed/documents/<name>.json`: review the candidates of `npm run ingest` and
 * write the accepted ones as a seed file, validated with the loader's own checks before it is written.
 *   --accept-above <confidence>   non-interactive: accept every relationship at or above the confidence
 *   --include-existing            also keep relationships already in the graph
 *   --seed <paths...>             the seed files the output joins (default: seed/)
 * Without --accept-above the review runs in the terminal: accept, reject or edit each candidate.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";

import { Command } from "commander";

import { SEED_DIR } from "../config.js";
import { AppError, BadRequestError, formatProblem } from "../errors.js";
import { CandidatesFile } from "../ingest/candidates.js";
import { assembleReviewed, autoDecisions, validateReviewed, type Decisions } from "../ingest/review.js";
import { interactiveDecisions } from "../ingest/review-session.js";

const program = new Command()
  .name("review")
  .description("Review ingest candidates and write the accepted ones as a seed file")
  .argument("<candidates>", "the candidates file written by npm run ingest")
  .requiredOption("--out <file>", "the seed file to write (e.g. seed/documents/<name>.json)")
  .option("--accept-above <confidence>", "accept every relationship at or above this confidence, without asking", (v) =>
    Number(v),
  )
  .option("--include-existing", "keep relationships already in the graph")
  .option("--seed <paths...>", "seed files or folders the output joins (default: seed/)")
  .parse();

const opts = program.opts<{ out: string; acceptAbove?: number; includeExisting?: boolean; seed?: string[] }>();

function readCandidates(file: string): CandidatesFile {
  if (!existsSync(file)) throw new BadRequestError(`${file}: no such candidates file`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new BadRequestError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = CandidatesFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadRequestError(
      `${file}: not a candidates file of npm run ingest (${issue.path.join(".") || "(file)"}: ${issue.message})`,
    );
  }
  return parsed.data;
}

async function main(): Promise<void> {
  const [candidatesPath] = program.args;
  if (opts.acceptAbove !== undefined && !(opts.acceptAbove >= 0 && opts.acceptAbove <= 1))
    throw new BadRequestError("--accept-above is a confidence between 0 and 1");
  const file = readCandidates(candidatesPath);
  let decisions: Decisions;
  if (opts.acceptAbove !== undefined) {
    decisions = autoDecisions(file, opts.acceptAbove, { includeExisting: opts.includeExisting });
  } else {
    // Lines are read through the interface's iterator, which buffers them: answers piped in all at once are not
    // lost, and the end of input stops the review (what is not yet accepted is rejected).
    const rl = createInterface({ input: process.stdin, terminal: process.stdin.isTTY });
    const lines = rl[Symbol.asyncIterator]();
    const ask = async (question: string) => {
      process.stdout.write(question);
      const next = await lines.next();
      return next.done ? "q" : String(next.value);
    };
    try {
      decisions = await interactiveDecisions(
        file,
        { ask, print: (t) => console.log(t) },
        { includeExisting: opts.includeExisting },
      );
    } finally {
      rl.close();
    }
  }
  const outDir = path.dirname(path.resolve(opts.out));
  const schemaRef = path.relative(outDir, path.join(SEED_DIR, "seed.schema.json")).split(path.sep).join("/");
  const result = assembleReviewed(file, decisions, { includeExisting: opts.includeExisting, schemaRef });
  for (const d of result.dropped) console.warn(`dropped ${d.id}: ${d.reason}`);
  if (result.seed.relationships.length === 0) {
    console.log("No relationship accepted; nothing was written.");
    return;
  }
  const problems = validateReviewed(result.seed, opts.out, opts.seed ?? [SEED_DIR]);
  if (problems.length) {
    throw new AppError(
      `the reviewed seed file would not validate; nothing was written:\n${problems.map(formatProblem).join("\n")}`,
    );
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify(result.seed, null, 2)}\n`);
  console.log(
    `Accepted ${result.seed.relationships.length} relationship(s), ${result.seed.entities.length} entities, ${result.seed.sources.length} sources (${result.rejected} rejected, ${result.dropped.length} dropped). Wrote ${opts.out}; it validates with the seed files.`,
  );
  console.log("Next: npm run load");
}

main().catch((err) => {
  console.error(`review: ${err instanceof AppError ? err.message : ((err as Error).stack ?? err)}`);
  process.exitCode = 1;
});
