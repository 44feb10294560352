/**
 * New-entity candidates from patterns that generalise beyond any one document:
 * - laws and guidance: titles in 《》 (or in quotes) that name a kind of instrument (法, 条例, 办法, 指南, 声明, Act,
 *   Regulation, Guidelines...), a law named right before an article (`AI 法案第 53 条`), with an English name or an
 *   abbreviation from a following parenthesis;
 * - authorities and courts: a Chinese name ending in 局, 委员会, 办公室, 部, 厅, 法院... (with a place for the short
 *   suffixes), an English one ending in Commission, Authority, Office, Ministry, Agency, Court...;
 * - companies: Chinese names ending in 公司, 集团, 科技 (not generic ones: 科技公司, 上市公司), English ones with
 *   Inc., Ltd., LLC, Corp.; organisations ending in 协会, 大学, 实验室, Association, University...;
 * - models: Latin names with a version number (`Claude Opus 4.6`, `GPT-5.3-Codex`, `Qwen3-Coder-Next`) next to
 *   模型, model, 发布, release...
 * Chinese has no spaces, so a name's start is found by walking left from its suffix until a function word, a verb of
 * the cue lexicon or a date stops it.
 */
import type { Label } from "../model/index.js";

export interface PatternHit {
  /** Offsets relative to the sentence. */
  start: number;
  end: number;
  label: Label;
  nameZh?: string;
  nameEn?: string;
  aliases: string[];
  rule: string;
  confidence: number;
  props: Record<string, unknown>;
}

/** A kind of company written first in a capitalised span (`Startup X`, `Developer Y`): it describes the name after it. */
export const DESCRIPTOR_FIRST =
  /^(?:Startup|Start-up|Firm|Developer|Retailer|Platform|Operator|Insurer|Publisher|Provider|Rival)\s+(?=\S)/;

const MAX_CJK_NAME_CHARS = 18;
const MAX_MODEL_NAME_CHARS = 40;
const MODEL_CUE_WINDOW = 24;
const AUTHORITY_SUFFIX =
  /(监督管理委员会|监督管理局|委员会|办公室|办公厅|管理局|监管局|公安分局|公安局|检察院|检察署|地检署|高检署|人民法院|法院|法庭|警方|检方|政府|总局|分局|总署|局|部|厅|委)(?![长门分员属级内面队落件会位署托])/g;
const SHORT_AUTHORITY_SUFFIX = /^(局|部|厅|委|总局|分局|总署)$/;
const MINISTRY_ACTS =
  /^(?:也|已|则|将|再)?(?:表示|指出|宣布|发布|公布|开罚|处以|解释|说明|要求|依据|依法|认定|调查|约谈)/;
const COMPANY_SUFFIX = /(股份有限公司|有限责任公司|有限公司|集团|公司|科技)/g;
const ORG_SUFFIX = /(联合会|协会|工会|大学|研究院|研究所|实验室|基金会|联盟)(?![\u3400-\u9fff])/g;
const WORD_END_AFTER_SHORT_SUFFIX = /^($|[^\u3400-\u9fff]|[的等和与及、在将已也于旗表称是发宣正])/;
const CAP_WORD = "[A-Z][\\w'’&.-]*";
/** Days and months: after `on` or `of` they make a date (`the Federal Trade Commission on Tuesday`), not a name's words. */
export const DATE_WORD =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;
const NOT_DATE = `(?!${DATE_WORD.source.slice(1, -1)}\\b)`;
const OF_TAIL = `(?:\\s+(?:of|for|on)\\s+(?:the\\s+)?${NOT_DATE}${CAP_WORD}(?:\\s+(?:and\\s+|&\\s+)?${CAP_WORD}){0,4}){0,2}`;
const EN_AUTHORITY = new RegExp(
  `\\b((?:${CAP_WORD}\\s+){1,5}(?:Commission|Authority|Office|Ministry|Agency|Court|Department|Board|Administration|Council|Commissioner|Inspectorate|Tribunal)(?!\\w)${OF_TAIL}|(?:Ministry|Department|Office|Court)${OF_TAIL.replace("{0,2}", "{1,2}")})`,
  "g",
);
// `Rimar Capital USA, Inc.`, `Rimar Capital, LLC`: American names often set the legal form off with a comma.
const EN_COMPANY = new RegExp(
  `\\b((?:${CAP_WORD}\\s+){0,4}${CAP_WORD},?\\s+(?:Inc\\.?|Ltd\\.?|LLC|L\\.L\\.C\\.|Corp\\.?|Corporation|Co\\.,?\\s?Ltd\\.?|Limited|GmbH|PLC|plc|S\\.A\\.))(?![A-Za-z])`,
  "g",
);
const EN_ORG = new RegExp(
  `\\b((?:${CAP_WORD}\\s+){1,5}(?:Association|University|Institute|Foundation|Federation|Laboratory|Guild))\\b`,
  "g",
);
const MODEL_NAME =
  /(?<![A-Za-z0-9.-])([A-Z][A-Za-z0-9]*(?:\.\d+)*(?:[ -](?:[A-Z][A-Za-z0-9]*(?:\.\d+)*|\d+(?:\.\d+)*[A-Za-z]?|[a-z]+\d[\w.]*)){0,4})(?![A-Za-z0-9])/g;
const MODEL_CUE = /模型|大模型|model|发布|推出|开源|上线|release|launch|unveil|introduc|智能体|agent/i;
const NOT_MODEL =
  /^(GB|ISO|IEC|Art|Article|No|COVID|PUE|IPO|CEO|CTO|API|GPU|CPU|Pre|Series|Top|Q[1-4]|H[12]|FY|NVL|AI|UN|EU|US|UK)\b/;
const QUANTITY_AFTER = /^(年|月|日|条|亿|万|千|美元|元|个|家|%|％|倍|款|项|名|位|次|秒|小时|天|周|B\b|K\b|M\b|tokens)/;

/** Instrument words a law title contains, and the model's `kind` each implies; longest first. */
const LAW_KINDS_ZH: [RegExp, string][] = [
  [/行政命令|行政令/, "executive_order"],
  [/司法解释|解释$/, "judicial_interpretation"],
  [/实践准则|行为准则|守则/, "code_of_practice"],
  [/条例/, "regulation"],
  [/办法|规定|细则|措施/, "measures"],
  [/指南|指引|框架|准则|要点|清单/, "guideline"],
  [/标准|规范$/, "standard"],
  [/声明|宣言|倡议|共识|公约|条约|协定|宪章/, "declaration"],
  [/计划|方案|规划|路线图|战略|纲要|愿景|行动/, "plan"],
  [/意见|建议|通知|决定/, "opinion"],
  [/报告|白皮书|蓝皮书/, "report"],
  // `《个人资料保护法令》`, `《个人资料保护令》`: an ordinance is an act.
  [/(法|法案|法典|令)$/, "statute"],
];
const LAW_KINDS_EN: [RegExp, string][] = [
  [/\bExecutive Order\b/i, "executive_order"],
  [/\bCode of (Practice|Conduct)\b/i, "code_of_practice"],
  [/\b(Regulation|Directive)\b/i, "regulation"],
  [/\b(Measures|Provisions|Rules)\b/i, "measures"],
  [/\b(Guidelines?|Guidance|Guide|Framework|Principles)\b/i, "guideline"],
  [/\bStandard\b/i, "standard"],
  [/\b(Declaration|Statement|Charter|Convention|Treaty|Accord)\b/i, "declaration"],
  [/\b(Plan|Strategy|Roadmap|Vision|Agenda)\b/i, "plan"],
  [/\b(Opinion|Recommendation)\b/i, "opinion"],
  [/\b(Report|White Paper)\b/i, "report"],
  [/\b(Act|Law|Code|Bill)\b/, "statute"],
];
/** Contracts, announcements and letters (`《战略合作框架协议》`, `《…的补充公告》`) are no instruments of law. */
const NOT_INSTRUMENT = /(?:协议|協議|合同|合约|合約|公告|问询函|詢問函|函)$/;
/** Titles that are only an instrument word refer back to the item's law (`《意见》`); they are not new laws. */
const BARE_KIND_TITLE =
  /^(本|该|此)?(意见|方案|办法|规定|指南|准则|报告|声明|宣言|计划|条例|通知|决定|标准|框架|规划|法|法案)$/;

export function lawKind(title: string): string | undefined {
  for (const [re, kind] of /[\u3400-\u9fff]/.test(title) ? LAW_KINDS_ZH : LAW_KINDS_EN) if (re.test(title)) return kind;
  return undefined;
}

/**
 * Characters and words a Chinese name does not extend across, when walking left from its suffix. Characters that
 * also occur inside names (据 in 数据局, 自 in 自治区) are listed only as words (根据, 据悉).
 */
const LEFT_STOP_CHARS = new Set([
  ..."的和与及对向在由被将从并是了于等把给让使跟该此这那每也都还已就但而或即称、，,。；;：:（）()“”\"'《》【】[] ",
]);
const LEFT_STOP_WORDS = [
  "发布",
  "印发",
  "公布",
  "宣布",
  "表示",
  "认为",
  "指出",
  "查处",
  "调查",
  "起诉",
  "联合",
  "会同",
  "召开",
  "举行",
  "组织",
  "要求",
  "通报",
  "签署",
  "获得",
  "消息",
  "显示",
  "报道",
  "包括",
  "以及",
  "其中",
  "分别为",
  "分别",
  "此前",
  "随后",
  "同时",
  "近日",
  "日前",
  "今天",
  "今日",
  "当天",
  "目前",
  "来自",
  "旗下",
  "企业",
  "巨头",
  "厂商",
  "机构",
  "根据",
  "依据",
  "据报道",
  "据悉",
  "经过",
  "为了",
  "自己",
  "各地",
  "未经",
  "没有",
  "有关",
  "其他",
  "其",
  "尚未",
  "未有",
  "仍未",
  "并未",
  "已有",
  "还有",
  "拥有",
  "具有",
  "通过",
  "向",
  "携手",
  "主办",
  "成立",
  "正式",
  "已经",
  "已",
  "发出",
  "指控",
  "指责",
  // `主要运营主体为同方知网(北京)技术有限公司`: what the company is introduced as.
  "主体为",
  "主体是",
];
const STOP_WORD_SET = new Set(LEFT_STOP_WORDS);
const MAX_STOP_WORD_CHARS = Math.max(...LEFT_STOP_WORDS.map((w) => w.length));
const GENERIC_PREFIX =
  /^(该|本|此|这|那|其|各|某|多|一|两|三|四|五|六|七|八|九|十|几|相关|有关|部分|上述|主管|监管|执法|国内|国外|境外|地方|各级|有|无|个别)/;
const PLACE_MARKER =
  /(省|市|自治区|区|县|州|国家|中央|国务院)|^(美国|英国|法国|德国|日本|韩国|印度|欧盟|欧洲|意大利|西班牙|荷兰|爱尔兰|加拿大|澳大利亚|新加坡|巴西|俄罗斯|联合国|国际)/;
const NOT_AUTHORITY_ENDINGS =
  /(内部|外部|全部|局部|总部|干部|本部|东部|西部|南部|北部|中部|俱乐部|头部|底部|顶部|后部|前部|面部|胸部|结局|布局|格局|大局|当局|开局|终局|时局|政局|出局|棋局|骗局|全局|邮局|赌局|饭局|药局|部署|签署)$/;
/** Words that make a company name generic when nothing else is left (`科技公司`, `上市公司`, `中国公司`). */
export const GENERIC_COMPANY_WORDS =
  /人工智能|国际|互联网|科技|技术|产业|上市|初创|芯片|机器人|软件|网络|数据|信息|智能|中国|美国|国内|全球|海外|港股|美股|独角兽|平台|服务|运营|代工|制造|半导体|娱乐|媒体|传媒|创业|头部|龙头|领先|老牌|知名|大型|竞争对手|母|子|分|总|合资|外资|国有|民营|科创|公|司/g;

function walkLeft(text: string, suffixStart: number): number {
  let i = suffixStart;
  const limit = Math.max(0, suffixStart - MAX_CJK_NAME_CHARS);
  while (i > limit) {
    const ch = text[i - 1];
    // `等` ends a list (`A、B等`) except inside a word (`高等法院`, `中等`).
    const inWord = ch === "等" && i >= 2 && /[高中初平同均对]/.test(text[i - 2]);
    if (!/[\u3400-\u9fff·]/.test(ch) || (LEFT_STOP_CHARS.has(ch) && !inWord)) break;
    if (/[日月年]/.test(ch) && i >= 2 && /\d/.test(text[i - 2])) break;
    let stop = false;
    for (let n = 2; n <= MAX_STOP_WORD_CHARS && !stop; n++)
      stop = i - n >= 0 && STOP_WORD_SET.has(text.slice(i - n, i));
    if (stop || STOP_WORD_SET.has(ch)) break;
    i--;
  }
  return i;
}

/** A Latin parenthesis right after a name: an English name, or abbreviations. */
function parenthetical(text: string, end: number): { nameEn?: string; aliases: string[]; end: number } | undefined {
  const m = text.slice(end, end + 200).match(/^[》”"]?\s*\(([^()]{2,180})\)/);
  if (!m || !/^[A-Za-z0-9'’&.,:;\s-]+$/.test(m[1]) || !/[A-Za-z]/.test(m[1])) return undefined;
  const parts = m[1].split(/\s*,\s*/).filter(Boolean);
  let nameEn: string | undefined;
  const aliases: string[] = [];
  for (const p of parts) {
    if (!nameEn && /\s/.test(p) && /[a-z]/.test(p)) nameEn = p.trim();
    else aliases.push(p.trim());
  }
  if (!nameEn && parts.length === 1 && /[a-z]/.test(parts[0])) nameEn = parts[0];
  return { nameEn, aliases: aliases.filter((a) => a !== nameEn), end: end + m[0].length };
}

function withParenthetical(text: string, hit: PatternHit): PatternHit {
  const p = parenthetical(text, hit.end);
  if (!p) return hit;
  if (p.nameEn && !hit.nameEn) hit.nameEn = p.nameEn;
  hit.aliases.push(...p.aliases.filter((a) => a.length >= 2 && a.length <= 60));
  return hit;
}

/** A law named by the title inside a quote match `m` (its first group, trimmed to `inner`), in Chinese or English. */
function quotedLaw(
  text: string,
  m: RegExpMatchArray,
  inner: string,
  kind: string,
  rule: string,
  confidence: number,
): PatternHit {
  const start = m.index! + 1;
  const cjk = /[\u3400-\u9fff]/.test(inner);
  return withParenthetical(text, {
    start,
    end: start + m[1].length,
    label: "Law",
    nameZh: cjk ? inner : undefined,
    nameEn: cjk ? undefined : inner,
    aliases: [],
    rule,
    confidence,
    props: { kind },
  });
}

function lawHits(text: string): PatternHit[] {
  const out: PatternHit[] = [];
  for (const m of text.matchAll(/《([^《》\n]{2,120})》/g)) {
    const inner = m[1].trim();
    if (BARE_KIND_TITLE.test(inner) || NOT_INSTRUMENT.test(inner)) continue;
    // The instrument word may follow the title: `《消除…障碍》行政命令`, `《…》报告`.
    const after = text
      .slice(m.index! + m[0].length)
      .match(/^\s*(?:\([^()]*\))?\s*(行政命令|行政令|报告|法案|条例|指南|声明|宣言|计划|意见|决定)/);
    const kind = lawKind(inner) ?? (after ? lawKind(after[1]) : undefined);
    if (!kind) continue;
    out.push(quotedLaw(text, m, inner, kind, "law-title", 0.85));
  }
  for (const m of text.matchAll(/[“"]([A-Z][^“”"\n]{4,120}|[\u3400-\u9fff][^“”"\n]{3,60})[”"]/g)) {
    const inner = m[1].trim();
    const kind = lawKind(inner);
    // In plain quotes only the unambiguous Chinese instrument words count ("…技术方案" is a product, not a plan);
    // an English title needs its instrument word and at least two words.
    if (
      !kind ||
      (/[\u3400-\u9fff]/.test(inner)
        ? !/(法|法案|条例|办法|规定|指南|准则|声明|宣言|意见|标准|行政命令)$/.test(inner)
        : inner.split(/\s+/).length < 2)
    )
      continue;
    out.push(quotedLaw(text, m, inner, kind, "law-quoted-title", 0.7));
  }
  // A law named right before an article, without title marks: `AI 法案第 53 条`.
  for (const m of text.matchAll(
    /(法案|法典|法|条例|办法|规定|公约|条约|指令)(?=第[一二三四五六七八九十百零〇\d]+条)/g,
  )) {
    const suffixEnd = m.index! + m[0].length;
    let start = walkLeft(text, m.index!);
    while (start > 0 && /[A-Za-z0-9]/.test(text[start - 1])) start--;
    const name = text.slice(start, suffixEnd);
    if (name.length < 3 || text[start - 1] === "》" || text[suffixEnd] === "》") continue;
    out.push({
      start,
      end: suffixEnd,
      label: "Law",
      nameZh: name,
      aliases: [],
      rule: "law-before-article",
      confidence: 0.6,
      props: { kind: lawKind(name) ?? "statute" },
    });
  }
  return out;
}

function cjkNameHits(
  text: string,
  re: RegExp,
  make: (name: string, suffix: string, start: number) => Omit<PatternHit, "start" | "end" | "aliases"> | undefined,
): PatternHit[] {
  const out: PatternHit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const suffixStart = m.index;
    const end = suffixStart + m[0].length;
    const start = walkLeft(text, suffixStart);
    if (start === suffixStart) continue;
    const name = text.slice(start, end);
    const made = make(name, m[0], start);
    if (made) out.push(withParenthetical(text, { ...made, start, end, aliases: [] }));
  }
  return out;
}

function authorityHits(text: string): PatternHit[] {
  return cjkNameHits(text, AUTHORITY_SUFFIX, (name, suffix, start) => {
    // "X的巴黎办公室" is a part of X, not an authority.
    if (text[start - 1] === "的") return undefined;
    // `数位部表示`, `商务部宣布`: a ministry known by two characters, when it speaks or acts right after its name.
    const ministry = suffix === "部" && name.length === 3 && MINISTRY_ACTS.test(text.slice(start + name.length));
    if (
      (name.length < 4 && !ministry) ||
      name.length - suffix.length < 2 ||
      GENERIC_PREFIX.test(name) ||
      NOT_AUTHORITY_ENDINGS.test(name)
    )
      return undefined;
    if (SHORT_AUTHORITY_SUFFIX.test(suffix) && !PLACE_MARKER.test(name) && !ministry) return undefined;
    if (/(部门|部分)$/.test(name)) return undefined;
    const court = /法院|法庭/.test(suffix);
    return {
      label: court ? "Court" : "Regulator",
      nameZh: name,
      rule: court ? "court-suffix" : "authority-suffix",
      confidence: 0.7,
      props: {},
    };
  });
}

/**
 * A party known only by its place in a penalty, where no name pattern finds it (`对于虾皮处以20万元罚锾、诚品生活处以10万元罚锾`):
 * proposed for review (mentions.ts marks it tentative, and its relationships stay under the review threshold).
 */
const ZH_PENALTY_SLOT =
  /(?:对于|对|、)([\u4e00-\u9fff]{2,8}?)(?=(?:分别|依法|共)?(?:处以|开罚|作出[\u4e00-\u9fff]{0,6}处罚|予以[\u4e00-\u9fff]{0,4}处罚))/g;
const NOT_SLOT_PARTY =
  /(?:行为|问题|情况|事件|内容|数据|信息|活动|广告|案件|事项|措施|风险|方面|领域|工作|违法|违规|责任人|当事人|主体|企业|公司|集团|平台|人员|单位|机构|部门)$/;

function penaltySlotHits(text: string): PatternHit[] {
  const out: PatternHit[] = [];
  for (const m of text.matchAll(ZH_PENALTY_SLOT)) {
    const name = m[1];
    if (GENERIC_PREFIX.test(name) || NOT_SLOT_PARTY.test(name)) continue;
    const start = m.index! + m[0].length - name.length;
    out.push({
      start,
      end: start + name.length,
      label: "Company",
      nameZh: name,
      aliases: [],
      rule: "zh-penalty-slot",
      confidence: 0.45,
      props: {},
    });
  }
  return out;
}

function companyHits(text: string): PatternHit[] {
  const out: PatternHit[] = [];
  COMPANY_SUFFIX.lastIndex = 0;
  for (let m = COMPANY_SUFFIX.exec(text); m; m = COMPANY_SUFFIX.exec(text)) {
    const end = m.index + m[0].length;
    // A short form (`宇树科技`, `某集团`) must end the word; a legal form (`有限公司`) always does.
    if (/^(集团|公司|科技)$/.test(m[0]) && !WORD_END_AFTER_SHORT_SUFFIX.test(text.slice(end, end + 1))) continue;
    // `伊普西龙信息科技(北京)有限公司`: a place in parentheses before the legal form is part of the name.
    const place = m[0].includes("有限") ? text.slice(0, m.index).match(/\([\u3400-\u9fff]{2,6}\)$/) : null;
    let start = walkLeft(text, place ? m.index - place[0].length : m.index);
    // `苗古金贴(厦门)大药房有限公司`: the place may also sit inside the name, before its trade.
    const inner = m[0].includes("有限") ? text.slice(0, start).match(/[\u3400-\u9fff]\([\u3400-\u9fff]{2,6}\)$/) : null;
    if (inner) start = walkLeft(text, start - inner[0].length + 1);
    const name = text.slice(start, end);
    const core = name
      .slice(0, name.length - m[0].length)
      .replace(/\([^()]*\)$/, "")
      .replace(GENERIC_COMPANY_WORDS, "");
    if (name.length < 4 || core.length < 2 || GENERIC_PREFIX.test(name)) continue;
    out.push(
      withParenthetical(text, {
        start,
        end,
        label: "Company",
        nameZh: name,
        aliases: [],
        rule: "company-form",
        confidence: m[0].includes("有限") ? 0.85 : 0.6,
        props: {},
      }),
    );
  }
  return out;
}

function organisationHits(text: string): PatternHit[] {
  return cjkNameHits(text, ORG_SUFFIX, (name, suffix) => {
    if (name.length < 4 || name.length - suffix.length < 2 || GENERIC_PREFIX.test(name)) return undefined;
    return { label: "Organization", nameZh: name, rule: "organisation-suffix", confidence: 0.6, props: {} };
  });
}

function englishHits(text: string): PatternHit[] {
  const out: PatternHit[] = [];
  const add = (re: RegExp, label: Label, rule: string, confidence: number) => {
    for (const m of text.matchAll(re)) {
      // `the Competition Commission of India’s order`: the possessive is not part of the name.
      let name = m[1].trim().replace(/['’]s$/, "");
      let start = m.index!;
      const lead = name.match(/^(The|A|An|This|That|Its|Their)\s+/) ?? name.match(DESCRIPTOR_FIRST);
      if (lead) {
        name = name.slice(lead[0].length);
        start += lead[0].length;
      }
      if (name.split(/\s+/).length < 2) continue;
      out.push({ start, end: start + name.length, label, nameEn: name, aliases: [], rule, confidence, props: {} });
    }
  };
  add(EN_AUTHORITY, "Regulator", "authority-suffix-en", 0.65);
  add(EN_COMPANY, "Company", "company-form-en", 0.8);
  add(EN_ORG, "Organization", "organisation-suffix-en", 0.6);
  for (const h of out) if (/\b(Court|Tribunal)\b/.test(h.nameEn!)) h.label = "Court";
  return out;
}

export function modelKind(context: string): string {
  if (/视频|video/i.test(context)) return "video";
  if (/图像|图片|image/i.test(context)) return "image";
  if (/音频|语音|音效|同声传译|audio|speech/i.test(context)) return "audio";
  if (/智能体|agent/i.test(context)) return "agent";
  if (/多模态|multimodal/i.test(context)) return "multimodal";
  if (/大模型|语言模型|推理模型|基础模型|编程模型|LLM|language model/i.test(context)) return "llm";
  return "other";
}

function modelHits(text: string): PatternHit[] {
  const out: PatternHit[] = [];
  for (const m of text.matchAll(MODEL_NAME)) {
    const name = m[1];
    if (!/\d/.test(name) || name.length > MAX_MODEL_NAME_CHARS || NOT_MODEL.test(name)) continue;
    if (/^[A-Z]+\d*$/.test(name) && !/[a-z]/.test(name) && name.length < 3) continue;
    const start = m.index!;
    const end = start + name.length;
    if (QUANTITY_AFTER.test(text.slice(end).trimStart())) continue;
    const window = text.slice(Math.max(0, start - MODEL_CUE_WINDOW), Math.min(text.length, end + MODEL_CUE_WINDOW));
    if (!MODEL_CUE.test(window)) continue;
    out.push({
      start,
      end,
      label: "Model",
      nameEn: name,
      nameZh: undefined,
      aliases: [],
      rule: "model-version",
      confidence: 0.65,
      props: { modelKind: modelKind(window) },
    });
  }
  return out;
}

/** Every pattern hit in a sentence, overlapping ones resolved in favour of the longer. */
/** Where an anonymised party may start: after a role (a criminal one too), a list mark, a caption's 诉, or at the start. */
const ANON_LEFT =
  /(?:被告(?:人|单位|[一二三四五六七八九十])?|犯罪嫌疑人|罪犯|原告|简称|下称|第三人|上诉人|被上诉人|申请人|被申请人|[,，、与和及诉:：(“]|^)$/;
const ANON_COMPANY =
  /某(?:\([\u4e00-\u9fff]{2,4}\))?[\u4e00-\u67cf\u67d1-\u9fff]{1,10}?(?:\([\u4e00-\u9fff]{2,4}\))?(?:股份有限公司|有限责任公司|有限公司|公司)/g;
const ANON_BODY_AFTER = /^[\u4e00-\u67cf\u67d1-\u9fff]{0,3}(?:公司|集团|法院|检察院|局|委员会|协会|大学|医院)/;
const ANON_PERSON = /([\u4e00-\u9fff])某(某)?([\u4e00-\u9fff]?)/g;
/** Characters that are never a surname before 某, nor a given name after it. */
const NOT_NAME_CHAR =
  /[一二三四五六七八九十两该其本此每各若等被告原的了是在与和及或将对向为于由因已也并系称诉起提曾发经从以把被让给使令即如就都还又而且但公司人家位名个]/;

/**
 * Parties the courts anonymise (`杭州某技术公司`, `某(北京)文化传媒公司`, `殷某桢`, `林某`): a company is a place or
 * nothing, 某, and a name ending in a legal form; a person is a surname, 某 (or 某某) and a given name when the item
 * writes the same three characters more than once (`殷某桢`), else the two (`林某起诉` is not `林某起`).
 */
function anonymisedHits(text: string, context: string): PatternHit[] {
  const out: PatternHit[] = [];
  for (const m of text.matchAll(ANON_COMPANY)) {
    const at = m.index!;
    let start = -1;
    for (const k of [2, 3, 4]) {
      const place = text.slice(at - k, at);
      const repeated = context.split(place + m[0]).length > 2;
      if (
        at - k >= 0 &&
        /^[\u4e00-\u9fff]{2,3}(?:市|省)?$/.test(place) &&
        !NOT_NAME_CHAR.test(place[0]) &&
        (ANON_LEFT.test(text.slice(0, at - k)) || repeated)
      ) {
        start = at - k;
        break;
      }
    }
    if (start < 0 && ANON_LEFT.test(text.slice(0, at))) start = at;
    if (start < 0) continue;
    const end = at + m[0].length;
    out.push({
      start,
      end,
      label: "Company",
      nameZh: text.slice(start, end),
      aliases: [],
      rule: "zh-anonymised-company",
      confidence: 0.7,
      props: {},
    });
  }
  for (const m of text.matchAll(ANON_PERSON)) {
    const start = m.index!;
    if (NOT_NAME_CHAR.test(m[1]) || out.some((h) => start < h.end && h.start < start + 2)) continue;
    // `杭州某网络公司`: 某 inside a body's name is no person.
    if (ANON_BODY_AFTER.test(text.slice(start + 2, start + 9))) continue;
    const three = m[1] + "某" + (m[2] ?? "") + m[3];
    const given = m[3] && !NOT_NAME_CHAR.test(m[3]) && context.split(three).length > 2;
    // After a role or a list mark; anywhere when the item repeats the full name (`包括殷某桢案涉录音制品`).
    if (!given && !ANON_LEFT.test(text.slice(0, start))) continue;
    const name = given ? three : m[1] + "某" + (m[2] ?? "");
    out.push({
      start,
      end: start + name.length,
      label: "Person",
      nameZh: name,
      aliases: [],
      rule: "zh-anonymised-person",
      confidence: 0.65,
      props: {},
    });
  }
  return out;
}

export function findEntityPatterns(text: string, context = text): PatternHit[] {
  const anonymised = /某/.test(text) ? anonymisedHits(text, context) : [];
  const all = [
    ...lawHits(text),
    ...authorityHits(text),
    ...companyHits(text),
    ...organisationHits(text),
    ...englishHits(text),
    ...modelHits(text),
    ...penaltySlotHits(text),
  ];
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  // An anonymised party's bounds are its role and its legal form: it wins over longer spans across them.
  const kept: PatternHit[] = [...anonymised];
  for (const h of all) if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  return kept.sort((a, b) => a.start - b.start);
}
