/**
 * The cue lexicon: the words that signal a relationship, in Chinese and English, per relationship type. A cue only
 * says what kind of event a sentence reports; who does what to whom is decided by position and by the model's
 * allowed endpoints (relations.ts). Regular expressions run on normalised text (no spaces between CJK characters,
 * full-width punctuation folded to ASCII).
 */
import type { RelType } from "../model/index.js";

export type CaseKind = "investigation" | "lawsuit" | "ruling" | "enforcement" | "accusation" | "administrative_penalty" | "criminal";

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

const C = (type: RelType, family: Cue["family"], re: RegExp, rule: string, strength: number, caseKind?: CaseKind, adjacent?: boolean): Cue => ({
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
  C("INVESTIGATES", "party", /立案调查|立案侦查|立案|调查|侦查|搜查|稽查|审查/g, "zh-investigate", 0.9, "investigation"),
  C("INVESTIGATES", "penalty", /查处|查办/g, "zh-enforce", 0.9, "enforcement"),
  C("INVESTIGATES", "party", /约谈/g, "zh-summon", 0.85, "enforcement"),
  // A statement of objections is a step of an (antitrust) investigation, and an accusation (below).
  C("INVESTIGATES", "party", /异议声明|\bstatement of objections\b/gi, "objections", 0.8, "investigation"),
  C(
    "INVESTIGATES",
    "party",
    /\b(?:open(?:s|ed|ing)?|launch(?:es|ed|ing)?|start(?:s|ed)?|beg[ia]n|initiat(?:es|ed))\s+(?:a\s+|an\s+)?(?:formal\s+|new\s+)?(?:investigation|inquiry|probe)s?(?:\s+(?:into|of|on|against))?|\binvestigat(?:es|ed|ing)\b|\bprob(?:es|ed|ing)\b|\braid(?:s|ed)\b/gi,
    "en-investigate",
    0.9,
    "investigation",
  ),
  // A penalty decided by an authority: an enforcement case (INVESTIGATES plus RULES_ON).
  C("INVESTIGATES", "penalty", /行政拘留|行政处罚|处罚决定|予以[\u4e00-\u9fff]{0,6}处罚|处以|责令[\u4e00-\u9fff]{0,8}整改|吊销/g, "zh-penalty", 0.8, "administrative_penalty"),
  C("INVESTIGATES", "penalty", /\b(?:penali[sz](?:es|ed)|sanction(?:s|ed))\b/gi, "en-penalty", 0.8, "administrative_penalty"),
  // FINES.
  C("FINES", "penalty", /罚款|罚金|罚没/g, "zh-fine", 0.9, "administrative_penalty"),
  C("FINES", "penalty", /\bfin(?:es|ed)\b|\bpenalt(?:y|ies)\s+of\b/gi, "en-fine", 0.85, "administrative_penalty"),
  // SUES.
  C("SUES", "party", /起诉|诉至|提起(?:了)?(?:民事|刑事|集体|行政)?诉讼|状告|告上法庭/g, "zh-sue", 0.9, "lawsuit"),
  C("SUES", "party", /诉/g, "zh-v", 0.85, "lawsuit", true),
  C("SUES", "party", /\bsu(?:es|ed|ing)\b|\bfil(?:es|ed|ing)\s+(?:a\s+)?(?:law)?suit\b|\blawsuit\s+against\b/gi, "en-sue", 0.9, "lawsuit"),
  C("SUES", "party", /\bv(?:s)?\./g, "en-v", 0.85, "lawsuit", true),
  // ACCUSES.
  C("ACCUSES", "party", /指控|指责|控告|控诉|谴责|抨击|停止侵权(?:通知)?函|律师函|警告函|异议声明/g, "zh-accuse", 0.85, "accusation"),
  C("ACCUSES", "party", /\baccus(?:es|ed|ing)\b|\bcease[- ]and[- ]desist\b|\balleg(?:es|ed|ing)\b|\bstatement of objections\b|\bcondemn(?:s|ed)\b/gi, "en-accuse", 0.85, "accusation"),
  // RULES_ON: a court or an authority decides (the case is the item's).
  C("RULES_ON", "rules", /一审判决|二审判决|判决|裁定|裁决|判令|宣判|判处|作出[\u4e00-\u9fff]{0,10}(?:决定|判决|裁定)|通报(?!的)/g, "zh-rule", 0.75, "ruling"),
  C("RULES_ON", "rules", /\b(?:ruled|held that|ordered|dismissed)\b/gi, "en-rule", 0.75, "ruling"),
  // ISSUES: an authority publishes a law or guidance.
  C("ISSUES", "issues", /(?:联合|共同|正式|同时)?(?:发布|印发|公布|颁布|出台|发表|制定|推出)(?:了)?|通过(?=《)/g, "zh-issue", 0.9),
  C("ISSUES", "issues", /\b(?:publish(?:es|ed|ing)?|issu(?:es|ed|ing)|releas(?:es|ed|ing)|adopt(?:s|ed|ing)|unveil(?:s|ed|ing)|enact(?:s|ed|ing)|introduc(?:es|ed|ing))\b/gi, "en-issue", 0.85),
  // SIGNS (an executive order signed by its author is ISSUES; relations.ts decides).
  C("SIGNS", "signs", /签署(?:了)?|签订(?:了)?/g, "zh-sign", 0.85),
  C("SIGNS", "signs", /\bsign(?:s|ed|ing)\b/gi, "en-sign", 0.85),
  // DEVELOPS: a company releases a model.
  C("DEVELOPS", "develops", /(?:正式)?(?:发布|推出|开源|上线|研发|开发(?![商者])|训练|提出|亮相)(?:了|并开源了?)?/g, "zh-release", 0.85),
  C("DEVELOPS", "develops", /\b(?:releas|launch|unveil|introduc|develop|open-sourc|debut)(?:es|ed|ing|e|s)?\b/gi, "en-release", 0.85),
];

/** Citation cues: the law that follows is the legal basis (or the rule broken). */
export const CITE_CUE = /依据|根据|按照|依照|遵照|违反(?:了)?|遵守(?:了)?|符合|履行|适用|援引|\bunder\b|\bpursuant to\b|\bin accordance with\b|\bin breach of\b|\bbreach(?:es|ed)? of\b|\bviolat(?:es|ed|ing|ion of)\b|\bcompl(?:y|ies|ied) with\b|\bcompliance with\b/gi;
/** `在《X》…框架下`: under the framework of X. */
export const FRAMEWORK_CUE = /在(?=《)/g;
export const FRAMEWORK_TAIL = /框架|之下|下开展|下进行|范围内/;
/** A cited law followed by `…制定` (drawn up under X) is implemented, not just cited. */
export const IMPLEMENTS_TAIL = /^[^。;；]{0,30}(制定|出台|起草)/;
export const ARTICLE = /^\s*(第[一二三四五六七八九十百零〇\d]+条(?:第[一二三四五六七八九十百零〇\d]+款)?)/;
export const EN_ARTICLE = /\b(?:Article|Art\.)\s*(\d+[a-z]?(?:\(\d+\))?)\s+of\s+(?:the\s+)?$/i;

/** Negation in the predicate: the event did not happen (or is denied). */
export const NEGATION = /未(?!来|成年|知|经)|没有|没|不会|不再|拒绝|否认|\bnot\b|\bnever\b|\bno longer\b|\bdenie[sd]\b|\bdeny\b|\bdeclined? to\b|\brefused? to\b|n't\b/i;
/** Hedges lower the confidence: the event may happen, is planned or threatened. */
export const HEDGE = /可能|或将|拟|计划|打算|威胁|考虑|\bmay\b|\bmight\b|\bcould\b|\bplans? to\b|\bthreat(?:en)?s? to\b|\bconsider(?:s|ing)?\b/i;

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
  [...CUES.map((c) => c.re.source), CITE_CUE.source, FRAMEWORK_CUE.source, "第[一二三四五六七八九十百零〇\\d]+条"].map((x) => `(?:${x})`).join("|"),
  "i",
);
