/**
 * The cue lexicon: the words that signal a relationship, in Chinese and English, per relationship type. A cue only
 * says what kind of event a sentence reports; who does what to whom is decided by position and by the model's
 * allowed endpoints (relations.ts). Regular expressions run on normalised text (no spaces between CJK characters,
 * full-width punctuation folded to ASCII).
 */
import type { RelType } from "../model/index.js";

export type CaseKind =
  "investigation" | "lawsuit" | "ruling" | "enforcement" | "accusation" | "administrative_penalty" | "criminal";

export interface Cue {
  type: RelType;
  /** A cue that also implies a RULES_ON (a penalty is a decision) or that stands for an INVESTIGATES. */
  family: "party" | "penalty" | "rules" | "issues" | "signs" | "develops";
  re: RegExp;
  rule: string;
  strength: number;
  caseKind?: CaseKind;
  /** The cue must sit between two adjacent mentions (`A诉B`, `A v. B`). */
  adjacent?: boolean;
}

/**
 * An English verb by its lemma, with its inflections (`fine` -> fine|fines|fined|fining; `sue` -> sue|sues|sued|suing;
 * `probe`; `launch` -> launches): the lexicons below list lemmas, so that a new verb is one word, not four forms.
 */
export function enVerb(lemma: string): string {
  const [head, ...rest] = lemma.split(" ");
  const tail = rest.length ? `\\s+${rest.join("\\s+")}` : "";
  let forms: string;
  if (head.endsWith("e")) forms = `${head.slice(0, -1)}(?:e|es|ed|ing)`;
  else if (/(?:s|sh|ch|x|z)$/.test(head)) forms = `${head}(?:|es|ed|ing)`;
  else if (/[^aeiou]y$/.test(head)) forms = `${head.slice(0, -1)}(?:y|ies|ied|ying)`;
  else forms = `${head}(?:|s|ed|ing)`;
  return `${forms}${tail}`;
}

/** One alternation of lemmas (and fixed phrases), on word boundaries. */
const en = (lemmas: string[], phrases: string[] = []) =>
  new RegExp(`\\b(?:${[...lemmas.map(enVerb), ...phrases].join("|")})\\b`, "gi");

/** The English action lexicon, by class: lemmas of verbs, and the noun phrases that state the same act. */
export const EN_LEXICON = {
  investigate: en(
    ["investigate", "probe", "examine", "inspect", "scrutinise", "scrutinize", "raid", "audit"],
    [
      "(?:open|launch|start|begin|began|begun|initiate|announce|conduct)(?:s|ed|ing)?\\s+(?:an?\\s+|its\\s+)?(?:formal\\s+|new\\s+|antitrust\\s+|preliminary\\s+)?(?:investigation|inquiry|probe|review|examination)s?(?:\\s+(?:into|of|on|against))?",
      "['’]s\\s+(?:\\w+\\s+)?(?:investigation|inquiry|probe)(?:\\s+(?:into|of))?",
      // "announced the commencement of an inquiry into X"
      "(?:commencement|opening)\\s+of\\s+(?:an?\\s+|its\\s+)?(?:formal\\s+|new\\s+)?(?:investigation|inquiry|probe)(?:\\s+(?:into|of))?",
      // "issued Civil Investigative Demands to", "sent X requests for information"
      "(?:issu|serv)(?:e|es|ed|ing)\\s+(?:a\\s+|an\\s+)?(?:civil\\s+investigative\\s+demands?|subpoenas?|information\\s+requests?)",
      // "An investigation conducted by X found that Y…": the agent follows (relations.ts reads it as a passive).
      "(?:investigation|inquiry|probe)(?=\\s+(?:conducted\\s+|carried\\s+out\\s+|led\\s+|launched\\s+|initiated\\s+|opened\\s+)?by\\b)",
    ],
  ),
  fine: en(
    ["fine", "levy"],
    [
      "impos(?:e|es|ed|ing)\\s+(?:an?\\s+|its\\s+)?(?:[\\w.,€$£¥-]+\\s+){0,5}?(?:fine|penalty|penalties|sanction)s?(?:\\s+(?:on|against|upon))?",
      "penalt(?:y|ies)\\s+of",
      // `A penalty for violations (Gwajinggeum) of KRW 5.97 billion`: a penalty of a sum is a fine.
      "penalt(?:y|ies)\\s+for\\s+[^.;:]{1,40}?\\s+of(?=\\s+(?:[A-Z]{3}\\b|US\\$|[€$£¥₹]|\\d))",
      // "slapped Meta Platforms with an additional fine": the object sits between the verb and the fine.
      "(?:slap|hit)(?:s|ped|ping|ting)?(?=\\s+[^.;]{1,60}?\\bwith\\s+(?:a|an)\\s+(?:[\\w.,€$£¥-]+\\s+){0,5}?(?:fine|penalty)\\b)",
    ],
  ),
  sue: en(
    ["sue"],
    [
      "(?:fil|br(?:ing|ought|ings)|lodg)(?:e|es|ed|ing)?\\s+(?:a\\s+|an\\s+)?(?:\\w+\\s+)?(?:law)?(?:suit|complaint|petition|action|case|claim)s?\\s+against",
      "(?:took|take|takes|taking)\\s+(?=\\S+\\s+to\\s+court)",
      "(?:law)?suit\\s+against",
      // "Bright Data defeated a lawsuit brought by Meta": the plaintiff follows (relations.ts reads it as a passive).
      "(?:law)?suits?\\s+(?:(?:first|originally|later)\\s+)?(?:filed|brought|lodged)(?:\\s+(?:last|this|in|on)\\s+\\w+)?(?=\\s+by\\b)",
    ],
  ),
  accuse: en(
    ["accuse", "allege", "charge", "indict", "prosecute", "condemn", "claim that"],
    [
      // `filed a complaint with the Austrian DPA against Bumble`: a complaint to an authority accuses its target.
      "(?:fil|lodg|submitt?)(?:e|es|ed|ing)?\\s+(?:a\\s+|an\\s+)?(?:\\w+\\s+)?complaints?(?=\\s+with\\s+[^.;]{1,80}?\\s+against\\b)",
      "(?:took|take|takes|taking)\\s+(?:legal\\s+|enforcement\\s+)?action\\s+against",
      "cease[- ]and[- ]desist",
      "statement of objections",
      "settled\\s+charges\\s+against",
      "complaint\\s+against",
      "allegations?\\s+against",
    ],
  ),
  rule: en(
    ["rule", "order", "dismiss", "uphold", "upheld", "overturn", "affirm", "reverse"],
    [
      "held that",
      "found that",
      "granted",
      "denied",
      "rejected",
      "(?:deliver(?:s|ed|ing)?|hand(?:s|ed|ing)?\\s+down|issu(?:e|es|ed|ing))\\s+(?:its\\s+|the\\s+|a\\s+|his\\s+|her\\s+)?(?:final\\s+)?(?:judgment|judgement|ruling|decision|verdict)\\s+in",
    ],
  ),
  issue: en([
    "publish",
    "issue",
    "release",
    "adopt",
    "unveil",
    "enact",
    "introduce",
    "finalise",
    "finalize",
    "propose",
  ]),
  sign: en(["sign"]),
  develop: en([
    "release",
    "launch",
    "unveil",
    "introduce",
    "develop",
    "open-source",
    "debut",
    "train",
    "build",
    "create",
  ]),
  penalise: en(["penalise", "penalize", "sanction", "censure"]),
};

const C = (
  type: RelType,
  family: Cue["family"],
  re: RegExp,
  rule: string,
  strength: number,
  caseKind?: CaseKind,
  adjacent?: boolean,
): Cue => ({
  type,
  family,
  re,
  rule,
  strength,
  caseKind,
  adjacent,
});

export const CUES: Cue[] = [
  // INVESTIGATES: an authority opens an investigation, an inquiry, a raid.
  C(
    "INVESTIGATES",
    "party",
    /立案调查|立案侦查|立案|调查|侦查|搜查|稽查|审查/g,
    "zh-investigate",
    0.9,
    "investigation",
  ),
  C("INVESTIGATES", "penalty", /查处|查办/g, "zh-enforce", 0.9, "enforcement"),
  C("INVESTIGATES", "party", /约谈/g, "zh-summon", 0.85, "enforcement"),
  // A statement of objections is a step of an (antitrust) investigation, and an accusation (below).
  C("INVESTIGATES", "party", /异议声明|\bstatement of objections\b/gi, "objections", 0.8, "investigation"),
  C("INVESTIGATES", "party", EN_LEXICON.investigate, "en-investigate", 0.9, "investigation"),
  C("INVESTIGATES", "party", /检查|质询|问询|调查了|开展调查/g, "zh-inspect", 0.8, "investigation"),
  // A penalty decided by an authority: an enforcement case (INVESTIGATES plus RULES_ON).
  C(
    "INVESTIGATES",
    "penalty",
    /行政拘留|行政处罚|处罚决定|予以[\u4e00-\u9fff]{0,6}处罚|处以|责令[\u4e00-\u9fff]{0,8}整改|吊销/g,
    "zh-penalty",
    0.8,
    "administrative_penalty",
  ),
  C("INVESTIGATES", "penalty", EN_LEXICON.penalise, "en-penalty", 0.8, "administrative_penalty"),
  // FINES.
  // 罚锾 (罰鍰): Taiwan's word for an administrative fine; 开罚: imposes fines.
  C("FINES", "penalty", /罚款|罚金|罚没|罚锾|开罚/g, "zh-fine", 0.9, "administrative_penalty"),
  C("FINES", "penalty", EN_LEXICON.fine, "en-fine", 0.85, "administrative_penalty"),
  // SUES.
  C(
    "SUES",
    "party",
    /起诉|诉至|提起(?:了)?(?:民事|刑事|集体|行政)?诉讼|状告|告上法庭|诉称|将[^，,。]{1,20}诉至/g,
    "zh-sue",
    0.9,
    "lawsuit",
  ),
  // `A诉B`; not the second character of 起诉, 公诉, 控诉, 申诉, 投诉, 告诉, 上诉 (their own cues read those).
  C("SUES", "party", /(?<![起公控申投告上])诉/g, "zh-v", 0.85, "lawsuit", true),
  C("SUES", "party", EN_LEXICON.sue, "en-sue", 0.9, "lawsuit"),
  C("SUES", "party", /\bv(?:s)?\.?(?=\s)/g, "en-v", 0.85, "lawsuit", true),
  // ACCUSES.
  C(
    "ACCUSES",
    "party",
    /指控|指责|控告|控诉|谴责|抨击|提起公诉|公诉|停止侵权(?:通知)?函|律师函|警告函|异议声明/g,
    "zh-accuse",
    0.85,
    "accusation",
  ),
  C("ACCUSES", "party", EN_LEXICON.accuse, "en-accuse", 0.85, "accusation"),
  // RULES_ON: a court or an authority decides (the case is the item's).
  C(
    "RULES_ON",
    "rules",
    /一审判决|二审判决|判决|裁定|裁决|判令|宣判|判处|审结|予以维持|维持原判|驳回|作出[\u4e00-\u9fff]{0,10}(?:决定|判决|裁定)|通报(?!的)/g,
    "zh-rule",
    0.75,
    "ruling",
  ),
  C("RULES_ON", "rules", EN_LEXICON.rule, "en-rule", 0.75, "ruling"),
  // ISSUES: an authority publishes a law or guidance.
  C(
    "ISSUES",
    "issues",
    /(?:联合|共同|正式|同时)?(?:发布|印发|公布|颁布|出台|发表|制定|推出)(?:了)?|通过(?=《)/g,
    "zh-issue",
    0.9,
  ),
  C("ISSUES", "issues", EN_LEXICON.issue, "en-issue", 0.85),
  // SIGNS (an executive order signed by its author is ISSUES; relations.ts decides).
  C("SIGNS", "signs", /签署(?:了)?|签订(?:了)?/g, "zh-sign", 0.85),
  C("SIGNS", "signs", EN_LEXICON.sign, "en-sign", 0.85),
  // DEVELOPS: a company releases a model.
  C(
    "DEVELOPS",
    "develops",
    /(?:正式)?(?:发布|推出|开源|上线|研发|开发(?![商者])|训练|提出|亮相|打造)(?:了|并开源了?)?/g,
    "zh-release",
    0.85,
  ),
  C("DEVELOPS", "develops", EN_LEXICON.develop, "en-release", 0.85),
];

/**
 * Broad words per type, for review only: a sentence that has one and names two parties the type allows is proposed
 * for each such pair at a low confidence (relations.ts), so that the review shows what the precise cues above miss
 * (`sent a letter of inquiry`, `违规`, `the app from X`). Never accepted by the default threshold.
 */
export const REVIEW_CUES: Partial<Record<RelType, RegExp>> = {
  INVESTIGATES:
    /investigat|inquir|enquir|probe|inspect|audit|scrutin|examin|review|look(?:s|ed|ing)?\s+into|information request|request(?:s|ed)?\s+information|letter|subpoena|civil investigative demand|调查|調查|检查|檢查|约谈|約談|问询|詢問|詢|核查|排查|审查|審查|督查|巡查|抽查|立案|侦|偵|查处|查處|函/i,
  ACCUSES:
    /accus|alleg|charg|indict|prosecut|complain|claim|violat|breach|unlawful|illegal|infring|decepti|mislead|misled|defam|warn|指控|控告|起诉|起訴|公诉|公訴|举报|檢舉|检举|投诉|投訴|申诉|违反|違反|违法|違法|违规|違規|涉嫌|侵犯|侵害|侵权|侵權|擅自|非法|不当|不當|警告|指出|指称|指稱|批评|批評/i,
  FINES: /fine|penalt|sanction|€|\$|£|罚|罰|处分|處分/i,
  DEVELOPS:
    /develop|maker|made by|built|build|train|releas|launch|creat|design|operat|offer|provid|its\s|their\s|own(?:s|ed)?\b|开发|開發|研发|研發|推出|发布|發布|上线|上線|运营|運營|旗下|打造|训练|訓練|提供|其/i,
};

/** Citation cues: the law that follows is the legal basis (or the rule broken). */
export const CITE_CUE =
  /依据|根据|按照|依照|遵照|违反(?:了)?|遵守(?:了)?|符合|履行|适用|援引|\bunder\b|\bpursuant to\b|\bin accordance with\b|\bin breach of\b|\bbreach(?:es|ed)? of\b|\bviolat(?:es|ed|ing|ion of)\b|\bcompl(?:y|ies|ied) with\b|\bcompliance with\b/gi;
/** `在《X》…框架下`: under the framework of X. */
export const FRAMEWORK_CUE = /在(?=《)/g;
export const FRAMEWORK_TAIL = /框架|之下|下开展|下进行|范围内/;
/** A cited law followed by `…制定` (drawn up under X) is implemented, not just cited. */
export const IMPLEMENTS_TAIL = /^[^。;；]{0,30}(制定|出台|起草)/;
export const ARTICLE = /^\s*(第[一二三四五六七八九十百零〇\d]+条(?:第[一二三四五六七八九十百零〇\d]+款)?)/;
export const EN_ARTICLE = /\b(?:Article|Art\.|Section|Sec\.)\s*(\d+[a-z]?(?:\(\d+\))?)\s+of\s+(?:the\s+)?$/i;

/** Negation in the predicate: the event did not happen (or is denied). */
export const NEGATION =
  /未(?!来|成年|知|经)|没有|没|不会|不再|拒绝|否认|\bnot\b|\bnever\b|\bno longer\b|\bdenie[sd]\b|\bdeny\b|\bdeclined? to\b|\brefused? to\b|n't\b/i;
/** Hedges lower the confidence: the event may happen, is planned or threatened. */
export const HEDGE =
  /可能|或将|拟|计划|打算|威胁|考虑|\bmay\b|\bmight\b|\bcould\b|\bplans? to\b|\bthreat(?:en)?s? to\b|\bconsider(?:s|ing)?\b/i;

/** Lets a jurisdiction right before a cue be a party (`美国指控…`) rather than an adjective. */
export const ANY_CUE_START = new RegExp(
  CUES.filter((c) => !c.adjacent)
    .map((c) => c.re.source)
    .concat(CITE_CUE.source)
    .map((s) => `(?:${s})`)
    .join("|"),
  "i",
);

/** Any cue at all: sentences without one are skipped before the per-cue expressions run. */
export const ANY_CUE = new RegExp(
  [...CUES.map((c) => c.re.source), CITE_CUE.source, FRAMEWORK_CUE.source, "第[一二三四五六七八九十百零〇\\d]+条"]
    .map((x) => `(?:${x})`)
    .join("|"),
  "i",
);
