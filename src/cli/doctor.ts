/**
 * `npm run doctor`: graph-quality checks over the seed files, no database needed. Prints each finding as
 * `file: path: message`, errors first, then a summary line; exits 1 when there is any error.
 *   --seed <paths...>   seed files or folders (default: seed/)
 *   --docs <dir>        folder of source documents the quotes are checked against (default: ../shared/seeds)
 *   --check <names...>  run only these checks
 */
import { Command } from "commander";

import { AppError } from "../errors.js";
import { CHECKS, diagnoseSeed, type CheckName, type Finding } from "../seed/doctor.js";

const program = new Command()
  .name("doctor")
  .description(
    "Check the seed graph's quality: shared names, undated actions, rulings on open cases, the legal layer's links",
  )
  .option("--seed <paths...>", "seed files or folders (default: seed/)")
  .option("--docs <dir>", "folder of source documents the quotes are checked against (default: ../shared/seeds)")
  .option("--check <names...>", `run only these checks: ${Object.keys(CHECKS).join(", ")}`)
  .parse();

const opts = program.opts<{ seed?: string[]; docs?: string; check?: CheckName[] }>();

const line = (f: Finding) => `${f.file}: ${f.path || "(file)"}: ${f.message}`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function main(): void {
  const report = diagnoseSeed({ paths: opts.seed, docsDir: opts.docs, checks: opts.check });
  const errors = report.findings.filter((f) => f.severity === "error");
  const warnings = report.findings.filter((f) => f.severity === "warning");
  if (errors.length) console.log(`Errors:\n${errors.map(line).join("\n")}`);
  if (warnings.length) console.log(`${errors.length ? "\n" : ""}Warnings:\n${warnings.map(line).join("\n")}`);
  if (!report.checked) {
    console.log(
      `\nThe seed files do not validate (${plural(errors.length, "problem")}): fix them, then run the doctor again.`,
    );
  } else {
    console.log(
      `${report.findings.length ? "\n" : ""}Doctor: ${plural(errors.length, "error")}, ${plural(warnings.length, "warning")} in ${plural(report.files, "seed file")} (${report.entities} entities, ${report.relationships} relationships).`,
    );
  }
  if (errors.length) process.exitCode = 1;
}

try {
  main();
} catch (err) {
  console.error(
    err instanceof AppError || err instanceof TypeError
      ? `doctor: ${err.message}`
      : `doctor: ${(err as Error).stack ?? err}`,
  );
  process.exitCode = 1;
}
