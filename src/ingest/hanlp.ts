/**
 * Chinese entity discovery through HanLP (com.hankcs:hanlp:portable-1.8.6, Apache-2.0): one long-lived JVM side
 * process per ingest run (scripts/hanlp/HanlpTagger.java, fetched and compiled by scripts/hanlp.sh into .hanlp/),
 * fed one line per request. Its person (nr, nrf) and organisation (nt*) tags find the parties no suffix list
 * knows: `殷某`, `数据保护局`, `信息保护委员会`, `高通公司`. jieba-wasm was tried and tagged none of these.
 *
 * Tagging is a stage before extraction (extraction itself stays synchronous): `tagText` returns tokens by offsets
 * into the normalised text, which `extractDocument` takes as an option.
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import { createInterface, type Interface } from "node:readline";

import { PROJECT_ROOT } from "../config.js";
import { AppError } from "../errors.js";
import type { Label } from "../model/index.js";
import type { PatternHit } from "./new-entities.js";

const HANLP_SCRIPT = path.join(PROJECT_ROOT, "scripts", "hanlp.sh");
const START_TIMEOUT_MS = 60_000;
const HANLP_HEAP = "-Xmx512m";
/** Lines longer than this are cut before tagging (the extractor's sentences are shorter still). */
const MAX_LINE_CHARS = 4000;
const CJK = /[\u3400-\u9fff]/;

export class HanlpUnavailableError extends AppError {}

/** One token: offsets into the text given to `tagText` and HanLP's part of speech. */
export interface HanlpToken {
  start: number;
  end: number;
  nature: string;
}

export interface HanlpTagger {
  /** Tokens of each line, by offsets into that line. */
  tagLines(lines: string[]): Promise<HanlpToken[][]>;
  /** The simplified-character form of each line (HanLP's converter). */
  simplifyLines(lines: string[]): Promise<string[]>;
  close(): void;
}

/** Fetches the jar if missing (Maven Central), compiles the tagger, starts the JVM and waits for it to be ready. */
export async function startHanlp(): Promise<HanlpTagger> {
  let classpath: string;
  try {
    classpath = execFileSync("bash", [HANLP_SCRIPT, "classpath"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim().split("\n").pop()!;
  } catch (err) {
    throw new HanlpUnavailableError(`ingest/hanlp: cannot fetch or compile HanLP: ${((err as { stderr?: string }).stderr ?? (err as Error).message).trim()}`);
  }
  const child: ChildProcessWithoutNullStreams = spawn("java", [HANLP_HEAP, "-Dfile.encoding=UTF-8", "-cp", classpath, "HanlpTagger"], { stdio: ["pipe", "pipe", "pipe"] });
  const lines: Interface = createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  let stderr = "";
  let exited = false;
  child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  lines.on("line", (line) => waiting.shift()?.(line));
  const next = () =>
    new Promise<string>((resolve, reject) => {
      if (exited) return reject(new HanlpUnavailableError(`ingest/hanlp: the tagger exited: ${stderr.trim()}`));
      waiting.push(resolve);
    });
  child.on("exit", () => {
    exited = true;
    for (const w of waiting.splice(0)) w("");
  });
  const ready = await Promise.race([next(), new Promise<string>((resolve) => setTimeout(() => resolve("TIMEOUT"), START_TIMEOUT_MS).unref())]);
  if (ready !== "READY") {
    child.kill();
    throw new HanlpUnavailableError(`ingest/hanlp: the tagger did not start (${ready || "exited"}): ${stderr.trim()}`);
  }
  let queue: Promise<unknown> = Promise.resolve();
  // Requests are answered in order, one line each; a batch waits for the previous one.
  const ask = (input: string[], prefix: string): Promise<string[]> => {
    const run = async () => {
      const out: string[] = [];
      for (const raw of input) {
        const line = raw.replace(/[\r\n\u0001]/g, " ").slice(0, MAX_LINE_CHARS);
        const answer = next();
        child.stdin.write(`${prefix}${line}\n`);
        out.push(await answer);
      }
      return out;
    };
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };
  return {
    async tagLines(input: string[]) {
      return (await ask(input, "")).map(parseTokens);
    },
    async simplifyLines(input: string[]) {
      const out = await ask(input, "\u0001");
      // A conversion that changes the length would shift offsets: such a line is kept as it was.
      return out.map((s, i) => (s.length === input[i].length ? s : input[i]));
    },
    close() {
      child.stdin.end();
      child.kill();
    },
  };
}

/** Parses one answer line: tab-separated `start,length,nature`. */
export function parseTokens(line: string): HanlpToken[] {
  if (!line) return [];
  return line.split("\t").flatMap((t) => {
    const m = t.match(/^(\d+),(\d+),(\S+)$/);
    return m ? [{ start: Number(m[1]), end: Number(m[1]) + Number(m[2]), nature: m[3] }] : [];
  });
}

/** What the NLP stage gives the extractor for one document. */
export interface ChineseAnalysis {
  tokens: HanlpToken[];
  /** The normalised text in simplified characters, of the same length (so offsets hold). */
  simplified: string;
}

/** Tags the lines of a (normalised) text that carry Chinese; tokens by offsets into the whole text. */
export async function tagText(tagger: HanlpTagger, text: string): Promise<ChineseAnalysis> {
  const lines: { start: number; text: string }[] = [];
  let at = 0;
  for (const line of text.split("\n")) {
    if (CJK.test(line)) lines.push({ start: at, text: line });
    at += line.length + 1;
  }
  const simplifiedLines = await tagger.simplifyLines(lines.map((l) => l.text));
  const chars = [...text];
  let simplified = text;
  if (chars.length === text.length) {
    const buf = text.split("");
    lines.forEach((l, i) => {
      for (let k = 0; k < l.text.length; k++) buf[l.start + k] = simplifiedLines[i][k];
    });
    simplified = buf.join("");
  }
  const tagged = await tagger.tagLines(simplifiedLines);
  return {
    simplified,
    tokens: tagged.flatMap((toks, i) => toks.map((t) => ({ start: t.start + lines[i].start, end: t.end + lines[i].start, nature: t.nature }))),
  };
}

const COURT_END = /(法院|法庭|仲裁委员会)$/;
const AUTHORITY_END = /(局|委员会|委|部|办公室|办|厅|署|监管机构|警方|检察院|政府|当局)$/;
const COMPANY_END = /(公司|集团|科技|影业|银行|工作室|传媒|网络|技术)$/;
const GENERIC_NT = /^(本|该|此|这|那|其|各|某|多|有关|相关|上述)|^(公司|集团|法院|政府|委员会|监管局|当局)$/;
const MIN_PERSON_CHARS = 2;

/** The person and organisation hits HanLP's tags give inside one sentence (offsets relative to the sentence). */
export function hanlpHits(tokens: HanlpToken[], text: string, sentenceStart: number): PatternHit[] {
  const out: PatternHit[] = [];
  for (const t of tokens) {
    const start = t.start - sentenceStart;
    const end = t.end - sentenceStart;
    if (start < 0 || end > text.length) continue;
    const name = text.slice(start, end);
    if (!CJK.test(name) || /[()（）《》“”"]/.test(name)) continue;
    let label: Label | undefined;
    if ((t.nature === "nr" || t.nature === "nrf" || t.nature === "nrj") && name.length >= MIN_PERSON_CHARS) label = "Person";
    else if (t.nature.startsWith("nt") && name.length >= 2 && !GENERIC_NT.test(name)) {
      label = COURT_END.test(name) ? "Court" : AUTHORITY_END.test(name) ? "Regulator" : COMPANY_END.test(name) || t.nature === "ntc" ? "Company" : "Organization";
    }
    if (!label) continue;
    out.push({ start, end, label, nameZh: name, aliases: [], rule: `hanlp-${t.nature}`, confidence: label === "Person" ? 0.55 : 0.6, props: {} });
  }
  return out;
}

/**
 * The tokens of each document that carries Chinese, by document name, from one tagger started for the batch and
 * closed after it. Offsets are into the normalised text, as `extractDocument` wants them.
 */
export async function tagDocuments(docs: { document: string; text: string }[], normaliseText: (text: string) => string): Promise<Map<string, ChineseAnalysis>> {
  const out = new Map<string, ChineseAnalysis>();
  const chinese = docs.filter((d) => CJK.test(d.text));
  if (!chinese.length) return out;
  const tagger = await startHanlp();
  try {
    for (const d of chinese) out.set(d.document, await tagText(tagger, normaliseText(d.text)));
  } finally {
    tagger.close();
  }
  return out;
}
