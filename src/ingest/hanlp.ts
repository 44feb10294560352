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
import { GENERIC_COMPANY_WORDS, type PatternHit } from "./new-entities.js";

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
    classpath = execFileSync("bash", [HANLP_SCRIPT, "classpath"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    })
      .trim()
      .split("\n")
      .pop()!;
  } catch (err) {
    throw new HanlpUnavailableError(
      `ingest/hanlp: cannot fetch or compile HanLP: ${((err as { stderr?: string }).stderr ?? (err as Error).message).trim()}`,
    );
  }
  const child: ChildProcessWithoutNullStreams = spawn(
    "java",
    [HANLP_HEAP, "-Dfile.encoding=UTF-8", "-cp", classpath, "HanlpTagger"],
    { stdio: ["pipe", "pipe", "pipe"] },
  );
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
  const ready = await Promise.race([
    next(),
    new Promise<string>((resolve) => setTimeout(() => resolve("TIMEOUT"), START_TIMEOUT_MS).unref()),
  ]);
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
        // eslint-disable-next-line no-control-regex -- \u0001 is the tagger's field separator
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
    tokens: tagged.flatMap((toks, i) =>
      toks.map((t) => ({ start: t.start + lines[i].start, end: t.end + lines[i].start, nature: t.nature })),
    ),
  };
}

const COURT_END = /(法院|法庭|仲裁委员会)$/;
/**
 * Authorities by their last word; `…会` as the short form of a commission (`公平会`, `证监会`, `金管会`, `个资会`), not an
 * association, a society, a union, a foundation, a parliament or an event (`协会`, `学会`, `商会`, `工会`, `基金会`, `议会`,
 * `博览会`, `运动会`).
 */
const AUTHORITY_END =
  /(局|委员会|委|部|办公室|办|厅|署|监管机构|警方|检方|检察院|政府|当局|(?<![协学商工金联究进年议大运博展交社])会)$/;
const COMPANY_END = /(公司|集团|科技|影业|银行|工作室|传媒|网络|技术)$/;
/** Generic or referring words (`该公司`, and `对该公司`, which HanLP tags as one organisation), not names. */
const GENERIC_NT =
  /^[对向在由被将从把给跟与及]?(本|该|此|这|那|其|各|某|多|有关|相关|上述)|^(公司|集团|法院|政府|委员会|监管局|当局|监管机构|监管部门|执法机构|主管部门)$/;
const MIN_PERSON_CHARS = 2;
/** Common surnames: a person tag on a word that starts with none of them is more often a segmentation slip (`尚在`, `都曾`). */
const SURNAMES = new Set([
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝",
]);
/** An organisation tag is kept only on a word that ends like a body's name (`…局`, `…委员会`, `…公司`, `…社`). */
const ORG_END =
  /(局|委员会|委|会|部|院|所|署|厅|办|办公室|公司|集团|社|报|网|行|厂|中心|机构|组织|联盟|大学|学院|法院|政府|科技|影业|银行|基金|协会|实验室|工作室|媒体|传媒)$/;
/** Words that start a name's span without being part of the name: verbs, prepositions, roles. */
const LEADING_NOISE = /^(?:v(?!n)|ad|p|d|c|u|r|m|q|f|y|e|o)/;
const ROLE_WORD = /^(?:原告|被告|原审原告|原审被告|上诉人|被上诉人|第三人|申请人|被申请人|当事人)$/;
const PROPER = /^(?:ns|nsf|nr|nrf|nrj|nt|ntc|ntcb|ntcf|ntch|nto|ntu|nts|nth|nz|nx|j|nis|nit)$/;

/** The longest company name the segmenter's words give before a `公司`/`集团` word: back to a verb, a role or a mark. */
const COMPANY_WORD = /^(?:公司|集团)$/;
const MAX_COMPANY_TOKENS = 5;
const GENERIC_COMPANY_CORE =
  /^(?:该|本|这|那|其|每|某|一|两|多|各|上市|科技|网络|互联网|技术|母|子|分|总|运营|主体|关联|涉事|外资|国际运营|平台)+$/;

function companyByTokens(tokens: HanlpToken[], text: string, sentenceStart: number): PatternHit[] {
  const out: PatternHit[] = [];
  tokens.forEach((t, k) => {
    const word = text.slice(t.start - sentenceStart, t.end - sentenceStart);
    if (!COMPANY_WORD.test(word)) return;
    let j = k;
    while (j > 0 && k - j < MAX_COMPANY_TOKENS) {
      const prev = tokens[j - 1];
      const w = text.slice(prev.start - sentenceStart, prev.end - sentenceStart);
      if (
        prev.end !== tokens[j].start ||
        LEADING_NOISE.test(prev.nature) ||
        prev.nature === "w" ||
        ROLE_WORD.test(w) ||
        !CJK.test(w) ||
        /^(?:ule|ude1|ude2|ude3|uzhe)$/.test(prev.nature)
      )
        break;
      j--;
    }
    if (j === k) return;
    const start = tokens[j].start - sentenceStart;
    const end = t.end - sentenceStart;
    const core = text.slice(start, end - word.length);
    if (core.length < 2 || GENERIC_COMPANY_CORE.test(core) || core.replace(GENERIC_COMPANY_WORDS, "").length < 2)
      return;
    out.push({
      start,
      end,
      label: "Company",
      nameZh: text.slice(start, end),
      aliases: [],
      rule: "hanlp-company",
      confidence: 0.6,
      props: {},
    });
  });
  return out;
}

/** The person and organisation hits HanLP's tags give inside one sentence (offsets relative to the sentence). */
export function hanlpHits(tokens: HanlpToken[], text: string, sentenceStart: number): PatternHit[] {
  const out: PatternHit[] = companyByTokens(tokens, text, sentenceStart);
  for (const t of tokens) {
    const start = t.start - sentenceStart;
    const end = t.end - sentenceStart;
    if (start < 0 || end > text.length) continue;
    const name = text.slice(start, end);
    if (!CJK.test(name) || /[()（）《》“”"]/.test(name)) continue;
    let label: Label | undefined;
    if ((t.nature === "nr" || t.nature === "nrf" || t.nature === "nrj") && name.length >= MIN_PERSON_CHARS) {
      // `殷某`, `林某`: a surname and 某; otherwise a name must start with a common surname (or be a foreign name).
      const ok =
        t.nature === "nrf"
          ? name.length >= 3
          : /某$/.test(name)
            ? name.length === 2 && SURNAMES.has(name[0])
            : SURNAMES.has(name[0]) && name.length <= 4;
      if (ok) label = "Person";
    } else if (
      t.nature.startsWith("nt") &&
      name.length >= 3 &&
      !GENERIC_NT.test(name) &&
      ORG_END.test(name) &&
      name.replace(/(?:公司|集团)$/, "").replace(GENERIC_COMPANY_WORDS, "").length >= 2
    ) {
      label = COURT_END.test(name)
        ? "Court"
        : AUTHORITY_END.test(name)
          ? "Regulator"
          : COMPANY_END.test(name) || t.nature === "ntc"
            ? "Company"
            : "Organization";
    }
    if (!label) continue;
    out.push({
      start,
      end,
      label,
      nameZh: name,
      aliases: [],
      rule: `hanlp-${t.nature}`,
      confidence: label === "Person" ? 0.55 : 0.6,
      props: {},
    });
  }
  return out;
}

/**
 * The tokens of each document that carries Chinese, by document name, from one tagger started for the batch and
 * closed after it. Offsets are into the normalised text, as `extractDocument` wants them.
 */
export async function tagDocuments(
  docs: { document: string; text: string }[],
  normaliseText: (text: string) => string,
): Promise<Map<string, ChineseAnalysis>> {
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

/**
 * Where a Chinese name found by a suffix pattern really starts, by HanLP's tokens: a suffix pattern walks left over
 * verbs, roles and earlier words (`不服杭州互联网法院`, `上诉人上海某…公司`, `…判决书上海某…公司`). The start moves past
 * leading verbs, prepositions and role words, and to a place name inside the span when what comes before it has
 * no proper noun. Returns the new start (absolute), or undefined when nothing of a name is left.
 */
export function trimByTokens(tokens: HanlpToken[], text: string, start: number, end: number): number | undefined {
  const inside = tokens.filter((t) => t.end > start && t.start < end);
  if (!inside.length) return start;
  let i = 0;
  // A token straddling the start belongs to the word before.
  if (inside[0].start < start) i++;
  const word = (t: HanlpToken) => text.slice(t.start, t.end);
  // `主体公司伊普西龙…有限公司`: a complete company word inside the span ends a description before the name.
  const inner = inside
    .map((t, k) => (k > i && k < inside.length - 2 && COMPANY_WORD.test(word(t)) ? k : -1))
    .filter((k) => k >= 0)
    .pop();
  if (inner !== undefined) i = inner + 1;
  const place = inside.findIndex((t, k) => k > i && /^ns/.test(t.nature));
  if (place > i && !inside.slice(i, place).some((t) => PROPER.test(t.nature))) i = place;
  // `3月25日,塞力医疗…公司`: one character HanLP calls a verb, right after a clause mark, begins the name.
  const opensClause = (t: HanlpToken) =>
    t.start === start &&
    t.end - t.start === 1 &&
    /^v/.test(t.nature) &&
    (t.start === 0 || /[,，。;；、:：\s]/.test(text[t.start - 1]));
  while (
    i < inside.length - 1 &&
    !opensClause(inside[i]) &&
    (LEADING_NOISE.test(inside[i].nature) || ROLE_WORD.test(word(inside[i])) || inside[i].nature === "w")
  )
    i++;
  if (i >= inside.length) return undefined;
  return Math.max(start, inside[i].start);
}
