/**
 * `npm run brief`: an outbound-expansion risk briefing from the graph, for a company of the graph or a profile.
 *   npm run brief -- --company company:minimax --markets EU,KR --lang en --format pdf --out briefing.pdf
 *   npm run brief -- --profile-name "Acme AI" --home CN --activities consumer_chatbot,model_api --markets EU
 *   npm run brief -- --company company:minimax --activities foundation_models,model_api,consumer_chatbot \
 *     --markets EU,KR,GB,US --established none --turnover 500000000 --turnover-currency EUR --format docx --out b.docx
 * The format defaults to the --out file's extension, else Markdown; without --out the briefing goes to stdout.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";

import { Command } from "commander";

import { ACTIVITIES, FORMATS, buildBriefing, renderBriefing, type Format } from "../briefing/index.js";
import { createDb } from "../db/driver.js";
import { ensureDatabase } from "../db/ensure.js";
import { AppError, BadRequestError } from "../errors.js";

const list = (v: string) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

const program = new Command()
  .name("brief")
  .description("Draft an outbound-expansion risk briefing from the graph, every fact cited")
  .option("--company <id>", "a company of the graph, e.g. company:minimax")
  .option("--profile-name <name>", "or a profile: the company's name")
  .option("--home <code>", "the profile's home jurisdiction code, e.g. CN")
  .option("--activities <list>", `comma-separated activities: ${ACTIVITIES.join(", ")}`, list)
  .requiredOption("--markets <list>", "comma-separated target markets, e.g. EU,KR,US", list)
  .option("--established <list>", "markets where the client is established (comma-separated), or 'none'")
  .option("--sme", "the client is an SME (AI Act Art. 99(6) ceilings)")
  .option("--no-sme", "the client is not an SME")
  .option("--turnover <amount>", "worldwide annual turnover, to turn percentage ceilings into money", Number)
  .option("--turnover-currency <code>", "ISO 4217 code of the turnover, e.g. EUR")
  .option("--systemic-compute", "training compute above 10^25 FLOP")
  .option("--no-systemic-compute", "training compute not above 10^25 FLOP")
  .option("--open-source", "free and open-source licence with public weights")
  .option("--no-open-source", "not open-source")
  .option("--roles <list>", "role ids replacing the derived ones of their regime, e.g. role:eu-ai-act:deployer", list)
  .option("--as-of <date>", "only events up to this date count (YYYY-MM-DD, default today)")
  .option("--lang <lang>", "en or zh", "en")
  .option("--format <format>", `${FORMATS.join(", ")} (default: from --out, else md)`)
  .option("--out <file>", "write to this file instead of stdout")
  .parse();

const opts = program.opts<{
  company?: string;
  profileName?: string;
  home?: string;
  activities?: string[];
  markets: string[];
  asOf?: string;
  lang: string;
  format?: string;
  out?: string;
  established?: string;
  sme?: boolean;
  turnover?: number;
  turnoverCurrency?: string;
  systemicCompute?: boolean;
  openSource?: boolean;
  roles?: string[];
}>();

/** The profile's facts: only those given on the command line (an absent flag leaves the fact open). */
function factsInput(): Record<string, unknown> {
  const given = (name: string) => process.argv.some((a) => a === `--${name}` || a === `--no-${name}`);
  return {
    ...(opts.established !== undefined
      ? { established: opts.established.trim().toLowerCase() === "none" ? [] : list(opts.established) }
      : {}),
    ...(given("sme") ? { sme: opts.sme } : {}),
    ...(opts.turnover !== undefined ? { turnover: opts.turnover } : {}),
    ...(opts.turnoverCurrency ? { turnoverCurrency: opts.turnoverCurrency } : {}),
    ...(given("systemic-compute") ? { systemicCompute: opts.systemicCompute } : {}),
    ...(given("open-source") ? { openSource: opts.openSource } : {}),
  };
}

function subjectInput(): Record<string, unknown> {
  if (opts.company && opts.profileName)
    throw new BadRequestError("give either --company or --profile-name (with --home and --activities), not both");
  if (opts.company) return { kind: "company", id: opts.company, activities: opts.activities ?? [] };
  if (opts.profileName)
    return { kind: "profile", name: opts.profileName, home: opts.home ?? "", activities: opts.activities ?? [] };
  throw new BadRequestError(
    "name the subject: --company <id>, or --profile-name <name> --home <code> --activities <list>",
  );
}

function formatOf(): Format {
  const ext = opts.out
    ? path
        .extname(opts.out)
        .slice(1)
        .toLowerCase()
        .replace(/^markdown$/, "md")
    : "";
  const given = opts.format ?? (ext || "md");
  if (!(FORMATS as readonly string[]).includes(given))
    throw new BadRequestError(`unknown format '${given}': choose ${FORMATS.join(", ")}`);
  return given as Format;
}

async function main(): Promise<void> {
  const input = {
    subject: subjectInput(),
    markets: opts.markets,
    asOf: opts.asOf,
    lang: opts.lang,
    facts: factsInput(),
    ...(opts.roles ? { roles: opts.roles } : {}),
  };
  const format = formatOf();
  if ((format === "pdf" || format === "docx") && !opts.out && process.stdout.isTTY)
    throw new BadRequestError(`a ${format.toUpperCase()} needs --out <file> (or redirect stdout to a file)`);
  const db = createDb(ensureDatabase());
  try {
    const briefing = await buildBriefing(db, input, { warn: (message) => console.error(message) });
    const output = await renderBriefing(briefing, format);
    if (opts.out) {
      writeFileSync(opts.out, output);
      console.error(
        `Wrote ${opts.out} (${briefing.appendix.citations.length} citations, graph ${briefing.header.graphChecksum.slice(0, 12)}).`,
      );
    } else {
      process.stdout.write(output);
    }
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err instanceof AppError ? `brief: ${err.message}` : `brief: ${(err as Error).stack ?? err}`);
  process.exitCode = 1;
});
