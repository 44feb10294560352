/**
 * Recognises relationships in one sentence from its cues (cues.ts) and its entity mentions:
 * - the subject is the nearest mention before the cue whose label the type allows at its start (ENDPOINTS), with the
 *   mentions coordinated with it (`A、B和C`); a passive (`Y被X指责`, `由X发布`, `sued by X`) swaps the roles;
 * - the object is the allowed mention between an object marker and the cue (`对Y展开调查`, `向Y发出…函`), else the
 *   first allowed mention after the cue in the same or the next clause;
 * - a jurisdiction used as an adjective (`美国人工智能企业OpenAI`) and a body that only helps (`在X的配合下`) are
 *   never parties; a negation between subject and cue (`未起诉`, `did not sue`, `否认`) drops the hit; a hedge
 *   (`拟`, `may`) lowers the confidence;
 * - citations (`依据《X》第N条`, `under Article N of`) and rulings are returned apart: their source (a case or the
 *   item's law) is only known once the whole item has been read (extract.ts);
 * - for review only, the pairs of parties a type allows in a sentence with a broad word of that type (REVIEW_CUES) that
 *   the precise rules did not join (`broadPairs`): they raise what the review shows, never what is accepted.
 */
import { ENDPOINTS, type Label, type RelType } from "../model/index.js";
import {
  ANY_CUE,
  ANY_CUE_START,
  ARTICLE,
  CITE_CUE,
  CUES,
  EN_ARTICLE,
  FRAMEWORK_CUE,
  FRAMEWORK_TAIL,
  HEDGE,
  IMPLEMENTS_TAIL,
  NEGATION,
  REVIEW_CUES,
  type CaseKind,
  type Cue,
} from "./cues.js";
import { pushTo, uniqueById } from "./maps.js";
import type { Mention, RelationHit, Sentence } from "./types.js";

/** How far after a cue an object may be, and how many clause marks it may be behind. */
const MAX_OBJECT_DISTANCE = 60;
const MAX_OBJECT_CLAUSES = 1;
const MAX_CITE_GAP = 20;
const IMPLIED_INVESTIGATION_FACTOR = 0.75;
const PARTICIPLE_FACTOR = 0.75;
/** A party found only by its slot (mentions.ts): its relationships are shown for review, under the threshold. */
const TENTATIVE_FACTOR = 0.7;
/** A law named in a sentence with no citation cue: cited, for review (the item says who cites, citations.ts). */
const MENTION_CITE_CONFIDENCE = 0.45;
/** Cues that issue or sign a law: the law after them is their object, not cited. */
const ISSUING = new RegExp(
  CUES.filter((c) => c.family === "issues" || c.family === "signs")
    .map((c) => `(?:${c.re.source})`)
    .join("|"),
  "i",
);
const CLAUSE_MARKS = /[,，;；:：]/g;
const CONNECTOR =
  /^\s*\)?\s*(?:[、,，/&]|和|与|及|以及|或|联合|会同|,?\s*and|,?\s*or|,?\s*as well as|及其[^,，。;；、“”]{0,24})?\s*\(?\s*$/i;
/** `马斯克旗下的X`, `Microsoft-owned LinkedIn`: the owner qualifies the name after it and is not the party. */
const OWNER_AFTER =
  /^(?:旗下|麾下|名下|(?:的)?(?:创办人|創辦人|创始人|創始人|联合创始人|執行長|执行长|首席执行官|董事长|董事長|总裁|總裁|CEO)(?:兼|、)?)|^-(?:owned|backed|controlled)\b|^['’]s\s+(?:co-?)?(?:founder|chief executive|CEO|chairman|president)\b/;
const PROSECUTOR =
  /检方|檢方|检察|檢察|地检|地檢|\bprosecutors?\b|\bDistrict Attorney|\bAttorney['’]s Office\b|\bU\.S\. Attorney\b/i;
const BYLINE_BEFORE = /(?:记者|記者|编辑|編輯|通讯员|通訊員|撰稿人?)\s*$/;
const JUR_PARTY_FOLLOW = /^[、和与及等在对向将也已均共同联合于就,，。;；:：()\s]/;
const COOPERATION_AFTER = /^(?:的)?(?:配合|协助|支持|帮助|指导|协调|参与)/;
const COOPERATION_EN_BEFORE = /with the (?:help|assistance|support|cooperation|co-operation) of\s*(?:the\s*)?$/i;
/** `…, named GPT-4.5`: a name given to what the clause speaks of, not a new clause. */
const NAMED_APPOSITION = /[,，]\s*(?:named|called|dubbed|known as)\s+[“"]?$/i;
const OBJECT_MARKER =
  /(?<![针面应相绝反核比一])对(?![于话手比外象接齐称冲])|对于(?=[^,，。;；]{1,16}?(?:处以|予以|作出))|(?<![方倾导面走流转意])向(?![上下前后])|\bagainst\b|\binto\b/g;
const PASSIVE_MARKER = /被(?!告|捕|害|执行|申请|诉)|遭到|遭(?!受)|受到|(?<![理自缘事])由(?![于此])/g;
const EN_PASSIVE_BY = /^\s*(?:\w+\s+){0,2}?by\s+(?:the\s+)?$/i;
/** Between two passive agents: `… since last October and by the …` (no clause mark, at most six words). */
const AND_BY = /^\s+(?:[\w'’-]+\s+){0,6}?and\s+by\s+(?:the\s+)?$/i;
/** A passive auxiliary right before an English cue (`was fined`, `has been sued`, `were later sanctioned`). */
const EN_PASSIVE_AUX = /\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:\w+ly\s+)?$/i;
/**
 * After a passive cue, the agent may follow an amount or a complement and a description of it in the same clause
 * (`was fined $2.5 million by the regulator`, `was sued by voice actors`).
 */
const EN_PASSIVE_AGENT = /^(?:[^,;.]|\.(?=\d))*?\bby\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$/i;
const NOMINAL_OBJECT_GAP =
  /^['’]?s?\s*(?:office\s+)?(?:(?:found|concluded|determined|showed|revealed|alleged)\s+that|into(?:\s+the)?)\s*$/i;
const ADJECTIVE_BEFORE =
  /\b(?:over|of|for|the|an?|its|their|his|her|any|after|about|regarding|concerning|on|into|with|in|and|or|such|to)\s+$/i;
const SUIT_AFTER =
  /^\s+in\s+(?:a|an|the|their|its|his|her)\s+(?:\w+\s+){0,2}?(?:law)?suit\b|^\s+in\s+(?:a|an|the|their|its|his|her)\s+(?:\w+\s+)?complaint\b/i;
const SUIT_BEFORE = /(?:起诉状|诉状|起诉书|诉讼)中[^,，。]{0,4}$/;
/**
 * An office-holder's title next to a person (`U.S. District Judge Kelly H. Rankin`, `Attorney General Ken Paxton`,
 * `Bibas, a federal judge`, `审判长张某`, `私隐专员锺丽玲`): only such a person investigates, fines or rules.
 */
const OFFICIAL_BEFORE =
  /(?:\b(?:Judges?|Justices?|Magistrate|Attorneys?\s+General|AG|Commissioners?|Chair(?:man|woman|person)?|Secretary|Ministers?|Prosecutors?|Director|Governor|Ombudsman|Inspector)\s+(?:[A-Z][\w.'’-]*\s+){0,3}|(?:法官|审判长|审判员|检察官|检察长|专员|局长|部长|署长|厅长|主任|主席|首长)\s*)$/;
const OFFICIAL_AFTER =
  /^(?:,\s+(?:a|an|the)\s+(?:[\w.-]+\s+){0,3}(?:judge|justice|magistrate|attorney general|commissioner|prosecutor)\b|\s*(?:法官|审判长|审判员|检察官|检察长|专员|局长|部长|署长))/i;
/** Types a person may be the subject of only as an office-holder (the model allows Person for them). */
const OFFICIAL_ONLY: ReadonlySet<RelType> = new Set(["INVESTIGATES", "FINES", "RULES_ON"]);
const officialTitle = (m: Local, text: string) =>
  text.slice(Math.max(0, m.s - 40), m.s).match(OFFICIAL_BEFORE)?.[0] ??
  text.slice(m.e, m.e + 40).match(OFFICIAL_AFTER)?.[0];
const isOfficial = (m: Local, text: string) => officialTitle(m, text) !== undefined;
const isJudge = (m: Local, text: string) =>
  m.label === "Person" && /judge|justice|magistrate|法官|审判/i.test(officialTitle(m, text) ?? "");

/** `Assistant Director in Charge of`: a capitalised word after a lower-case one is part of a title, not a verb. */
const titleWord = (text: string, at: number) =>
  /^[A-Z][a-z]/.test(text.slice(at, at + 2)) && /\b[a-z]+\s+$/.test(text.slice(Math.max(0, at - 12), at));

const SHORT_LAW_REFERENCE =
  /^(本|该|此)?(意见|方案|办法|规定|指南|准则|报告|声明|宣言|计划|条例|通知|决定|标准|框架|规划)$/;

export interface RulingHit {
  from: string;
  item: number;
  sentence: Sentence;
  sentenceIndex: number;
  spanStart: number;
  spanEnd: number;
  rule: string;
  confidence: number;
  caseKind: CaseKind;
  /** Entities named in the sentence, to find the case it rules on. */
  mentioned: string[];
}

export interface CitationHit {
  item: number;
  sentence: Sentence;
  sentenceIndex: number;
  laws: { id: string; article?: string }[];
  /** A law named before the cue in the same sentence: the citing instrument. */
  lawBefore?: string;
  /** The sentence's subject is a short reference to the item's law (`《意见》提出`, `声明强调`). */
  refersToItemLaw: boolean;
  implements: boolean;
  mentioned: string[];
  spanStart: number;
  spanEnd: number;
  rule: string;
  confidence: number;
}

export interface SentenceHits {
  relations: RelationHit[];
  rulings: RulingHit[];
  citations: CitationHit[];
}

interface Local extends Mention {
  /** Offsets relative to the sentence. */
  s: number;
  e: number;
  /** Part of a longer quoted name (`豆包` in “豆包图片去水印神器”): not the entity itself. */
  embedded?: boolean;
}

const allows = (labels: readonly Label[], m: Local) => (labels as readonly string[]).includes(m.label);
const clauseMarks = (text: string) => (text.match(CLAUSE_MARKS) ?? []).length;
/** Where the clause holding `at` starts: after the last of `marks` before it. */
const clauseStartBefore = (text: string, at: number, marks = /[,，;；。]/g) =>
  Math.max(0, ...[...text.slice(0, at).matchAll(marks)].map((x) => x.index! + 1));

function isModifier(m: Local, text: string): boolean {
  // `马斯克旗下社交媒体平台X`: the owner is no party even when the owned thing is not recognised as a name.
  if (OWNER_AFTER.test(text.slice(m.e))) return true;
  // `(中央社記者廖禹揚首爾2日專電)`: the reporter of a byline is no party.
  if (m.label === "Person" && BYLINE_BEFORE.test(text.slice(Math.max(0, m.s - 4), m.s))) return true;
  if (m.label !== "Jurisdiction") return false;
  // `Delphia (USA) Inc.`: a country in parentheses qualifies the name before it.
  if (text[m.s - 1] === "(" && text[m.e] === ")") return true;
  const after = text.slice(m.e);
  if (!after || !/^[\u3400-\u9fff]/.test(after)) return false;
  return !JUR_PARTY_FOLLOW.test(after) && !ANY_CUE_START.test(after.slice(0, 8)) ? true : false;
}

function isEmbedded(m: Local, text: string): boolean {
  const open = text.lastIndexOf("“", m.s);
  if (open < 0 || text.lastIndexOf("”", m.s) > open) return false;
  const close = text.indexOf("”", m.e);
  if (close < 0 || (text.indexOf("“", m.e) >= 0 && text.indexOf("“", m.e) < close)) return false;
  return open + 1 !== m.s || close !== m.e;
}

function isCooperator(m: Local, text: string): boolean {
  const before = text.slice(Math.max(0, m.s - 3), m.s);
  if (/在[^，,]{0,2}$/.test(before) && COOPERATION_AFTER.test(text.slice(m.e, m.e + 6))) return true;
  return COOPERATION_EN_BEFORE.test(text.slice(Math.max(0, m.s - 40), m.s));
}

/**
 * The text between two mentions, without title marks, quotes and short parentheses (`上海人工智能实验室（上智院）联合复旦大学`,
 * `Rimar Capital, LLC (“Rimar LLC”), Itai Liptz`).
 */
const gapBetween = (text: string, s: number, e: number) =>
  text
    .slice(s, e)
    .replace(/[《》“”"‘’]/g, "")
    .replace(/\([^()]{0,24}\)/g, "");

/** The mentions coordinated with ms[i] (`A、B和C`), all of allowed labels. */
function coordinated(ms: Local[], i: number, text: string, ok: (m: Local) => boolean): Local[] {
  const group = [ms[i]];
  for (let j = i - 1; j >= 0; j--) {
    if (!CONNECTOR.test(gapBetween(text, ms[j].e, ms[j + 1].s)) || !ok(ms[j])) break;
    group.unshift(ms[j]);
  }
  for (let j = i + 1; j < ms.length; j++) {
    if (!CONNECTOR.test(gapBetween(text, ms[j - 1].e, ms[j].s)) || !ok(ms[j])) break;
    group.push(ms[j]);
  }
  return group;
}

interface Roles {
  subjects: Local[];
  objects: Local[];
  mode: "active" | "passive" | "zone";
  /** Clause marks between the roles and the cue, for the confidence. */
  distance: number;
  /** The object is a model where the type needs a party (resolved to its developer later). */
  viaModel: boolean;
}

function findRoles(
  ms: Local[],
  text: string,
  cueStart: number,
  cueEnd: number,
  from: readonly Label[],
  to: readonly Label[],
  objectPartyOnly = true,
  officialPersons: boolean | "judge" = false,
): Roles | undefined {
  const party = (labels: readonly Label[]) => (m: Local) =>
    allows(labels, m) && !m.modifier && !m.embedded && !isCooperator(m, text);
  const okFrom = (m: Local) =>
    party(from)(m) &&
    (!officialPersons ||
      m.label !== "Person" ||
      (officialPersons === "judge" ? isJudge(m, text) : isOfficial(m, text)));
  const okTo = party(to);
  const before = ms.filter((m) => m.e <= cueStart);
  const after = ms.filter((m) => m.s >= cueEnd);

  // English passive: "<object> was sued by <subject>".
  if (/[a-z]/i.test(text.slice(cueStart, cueEnd))) {
    const firstAfter = after.find(okFrom);
    const aux = EN_PASSIVE_AUX.test(text.slice(Math.max(0, cueStart - 24), cueStart));
    const gap = firstAfter ? text.slice(cueEnd, firstAfter.s) : "";
    if (
      firstAfter &&
      (EN_PASSIVE_BY.test(gap) || (aux && gap.length <= MAX_OBJECT_DISTANCE && EN_PASSIVE_AGENT.test(gap)))
    ) {
      const objIdx = before.map(okTo).lastIndexOf(true);
      if (objIdx >= 0) {
        const agents = coordinated(ms, ms.indexOf(firstAfter), text, okFrom);
        // `by the FTC since last October and by the SEC since January`: a second agent in the same clause.
        const last = agents[agents.length - 1];
        const second = after.find((m) => m.s > last.e && okFrom(m) && !agents.includes(m));
        if (second && AND_BY.test(text.slice(last.e, second.s)))
          agents.push(...coordinated(ms, ms.indexOf(second), text, okFrom));
        return {
          subjects: uniqueById(agents),
          objects: coordinated(ms, ms.indexOf(before[objIdx]), text, okTo),
          mode: "passive",
          distance: 0,
          viaModel: false,
        };
      }
      // A nominal cue ("an investigation by X found that Y…", "a probe by X into Y"): the object follows the agent.
      if (/^(?:investigation|inquiry|probe)$/i.test(text.slice(cueStart, cueEnd))) {
        const agents = coordinated(ms, ms.indexOf(firstAfter), text, okFrom);
        const last = agents[agents.length - 1];
        const object = ms.find((m) => m.s >= last.e && okTo(m) && !agents.includes(m));
        if (object && NOMINAL_OBJECT_GAP.test(text.slice(last.e, object.s))) {
          return {
            subjects: agents,
            objects: coordinated(ms, ms.indexOf(object), text, okTo),
            mode: "passive",
            distance: 0,
            viaModel: false,
          };
        }
      }
    }
  }

  // Chinese passive: "<object>被<subject><cue>", "由<subject><cue>".
  PASSIVE_MARKER.lastIndex = 0;
  let passiveAt = -1;
  for (let m = PASSIVE_MARKER.exec(text); m && m.index < cueStart; m = PASSIVE_MARKER.exec(text)) {
    if (!ms.some((x) => m!.index >= x.s && m!.index < x.e)) passiveAt = m.index;
  }
  if (passiveAt >= 0 && !/[,，;；]/.test(text.slice(passiveAt, cueStart))) {
    const agentIdx = before.findIndex((m) => m.s > passiveAt && okFrom(m));
    if (agentIdx >= 0) {
      const patient = before.filter((m) => m.e <= passiveAt && okTo(m)).pop();
      return {
        subjects: coordinated(ms, ms.indexOf(before[agentIdx]), text, okFrom),
        objects: patient ? coordinated(ms, ms.indexOf(patient), text, okTo) : [],
        mode: "passive",
        distance: patient ? clauseMarks(text.slice(patient.e, passiveAt)) : 0,
        viaModel: false,
      };
    }
  }

  // Active, with an object marker between subject and cue: "<subject>对<object><cue>".
  let zoneStart = -1;
  OBJECT_MARKER.lastIndex = 0;
  for (let m = OBJECT_MARKER.exec(text); m && m.index < cueStart; m = OBJECT_MARKER.exec(text)) {
    if (!ms.some((x) => m!.index >= x.s && m!.index < x.e) && !/[,，;；。]/.test(text.slice(m.index, cueStart))) {
      zoneStart = m.index;
      break;
    }
  }
  let objects: Local[] = [];
  let limit = cueStart;
  if (zoneStart >= 0) {
    const inZone = before.filter((m) => m.s > zoneStart && okTo(m));
    if (inZone.length) {
      objects = uniqueById(inZone.flatMap((m) => coordinated(ms, ms.indexOf(m), text, okTo)));
      limit = zoneStart;
    }
  }
  const subjectIdx = before
    .filter((m) => m.e <= limit)
    .map(okFrom)
    .lastIndexOf(true);
  if (subjectIdx < 0) return undefined;
  const subjectMention = before[subjectIdx];
  const subjects = coordinated(ms, ms.indexOf(subjectMention), text, okFrom);
  let distance = clauseMarks(text.slice(subjectMention.e, limit));
  let viaModel = false;
  // A nominal cue ("ICO的调查重点包括…") takes no object after it.
  const nominal = text[cueStart - 1] === "的";
  if (!objects.length && !nominal) {
    let model: Local | undefined;
    let modelGap = "";
    for (const m of after) {
      const gap = text.slice(cueEnd, m.s);
      if (m.s - cueEnd > MAX_OBJECT_DISTANCE || clauseMarks(gap) > MAX_OBJECT_CLAUSES || /[。;；]/.test(gap)) break;
      if (subjects.some((s) => s.id === m.id) || m.embedded) continue;
      // `a complaint with the DPA against Bumble`: the authority is where it was filed, the target follows `against`.
      if (/^\s*with\b/i.test(gap) && /^[^.;,]{0,12}\bagainst\b/i.test(text.slice(m.e))) continue;
      // Past a model, a party counts only in the same clause ("起诉ChatGPT的开发商OpenAI").
      if (model && clauseMarks(text.slice(model.e, m.s)) > 0) break;
      if (okTo(m)) {
        objects = coordinated(ms, ms.indexOf(m), text, okTo);
        distance += clauseMarks(gap);
        break;
      }
      if (objectPartyOnly && m.label === "Model" && !model) {
        model = m;
        modelGap = gap;
      }
    }
    if (!objects.length && model) {
      objects = [model];
      viaModel = true;
      distance += clauseMarks(modelGap);
    }
  }
  return { subjects, objects, mode: zoneStart >= 0 && limit === zoneStart ? "zone" : "active", distance, viaModel };
}

/** A criminal fine states who is fined by the role before the name (`被告人柯某`, `被告单位某公司`). */
export const ACCUSED_BEFORE = /(?:被告人|被告单位|罪犯)\s*$/;
export const SENTENCED = /判处|判决|被判|宣判|判刑/;
const CRIMINAL_FINE_CONFIDENCE = 0.85;

/**
 * The accused a criminal fine (`…判处有期徒刑…，并处罚金`) falls on: the names after `被告人` before the cue in its
 * sentence, with those listed with them (`被告人吴某、任某、郑某`), when the sentence says they were sentenced.
 */
function criminalFineObjects(ms: Local[], text: string, cueStart: number): Local[] {
  const ok = (x: Local) => (x.label === "Person" || x.label === "Company") && !x.modifier && !x.embedded;
  const first = ms.findIndex((x) => x.e <= cueStart && ok(x) && ACCUSED_BEFORE.test(text.slice(0, x.s)));
  return first < 0 ? [] : coordinated(ms, first, text, ok).filter((x) => x.e <= cueStart);
}

/** The subject a clause leaves out: a pronoun right before an English cue (`In December it fined`). */
const EN_PRONOUN_SUBJECT =
  /\b(?:it|they)\s+(?:(?:has|have|had|also|then|later|subsequently|recently|previously|already|formally)\s+){0,2}$/i;
/** A Chinese object marker opening the object before the cue (`对X处以罚款`, `对于X作出`). */
const ZH_OBJECT_FIRST = /^\s*(?:[^\s,，;；。]{0,8}?)(?:对于|对)$/;

/**
 * The objects of a cue whose clause names no subject: in English, a pronoun subject and the first party after the cue
 * in its clause; in Chinese, no name before the cue in its clause but the ones after `对`/`对于`, which are the objects,
 * or else the first party after the cue in its clause.
 */
function elidedSubjectObjects(
  ms: Local[],
  text: string,
  cueStart: number,
  cueEnd: number,
  to: readonly Label[],
): Local[] {
  const okTo = (m: Local) => allows(to, m) && !m.modifier && !m.embedded && !isCooperator(m, text);
  const clauseStart = clauseStartBefore(text, cueStart, /[,，;；:：。]/g);
  const named = ms.filter((m) => m.s >= clauseStart && m.e <= cueStart && !m.modifier);
  const after = () => {
    const o = ms.find(
      (m) => m.s >= cueEnd && m.s - cueEnd <= MAX_OBJECT_DISTANCE && !/[,，;；。]/.test(text.slice(cueEnd, m.s)),
    );
    return o && okTo(o) ? coordinated(ms, ms.indexOf(o), text, okTo) : [];
  };
  if (/[a-z]/i.test(text.slice(cueStart, cueEnd))) {
    // `● Kakao Pay: A penalty … of KRW 5.97 billion`: a list of sanctions, one party per line before a colon.
    const listed = ms.filter((m) => m.e <= clauseStart && okTo(m));
    if (
      !named.length &&
      listed.length === 1 &&
      /^[\s•●▪◦·*-]*$/.test(text.slice(0, listed[0].s)) &&
      /^\s*(?:\([^()]{1,30}\)\s*)?[:：]$/.test(text.slice(listed[0].e, clauseStart))
    )
      return listed;
    return !named.length && EN_PRONOUN_SUBJECT.test(text.slice(clauseStart, cueStart)) ? after() : [];
  }
  // `被指控…的X`: an agentless passive; what follows the cue is no object.
  if (/(?:被|遭到?|受到)\s*$/.test(text.slice(clauseStart, cueStart))) return [];
  if (!named.length) return after();
  // `对X处以…`: every name before the cue stands after the object marker, and the marker opens the clause.
  const first = named[0];
  if (!ZH_OBJECT_FIRST.test(text.slice(clauseStart, first.s))) return [];
  return named.every(okTo) ? uniqueById(named.flatMap((m) => coordinated(ms, ms.indexOf(m), text, okTo))) : [];
}

/**
 * Whether the predicate is negated: a negation between the subject and the cue, within the cue's own clause (`由于X未依法…，
 * 对于X处以罚款` negates the cause, not the fine), or a denial anywhere in that clause.
 */
function negated(text: string, from: number, cueStart: number, cueEnd: number): boolean {
  const clauseStart = Math.max(text.lastIndexOf("，", cueStart), text.lastIndexOf(",", cueStart), 0);
  if (NEGATION.test(text.slice(Math.max(from, clauseStart), cueStart))) return true;
  // "denies suing", "否认起诉" anywhere before the cue in the clause.
  return /否认|\bdenie[sd]\b|\bdeny\b/i.test(text.slice(clauseStart, cueEnd));
}

function hedged(text: string, cueStart: number): boolean {
  return HEDGE.test(text.slice(Math.max(0, cueStart - 10), cueStart));
}

function toLocal(mentions: Mention[], sentence: Sentence): Local[] {
  const text = sentence.text;
  const ms: Local[] = mentions.map((m) => ({ ...m, s: m.start - sentence.start, e: m.end - sentence.start }));
  for (const m of ms) {
    m.modifier = isModifier(m, text);
    m.embedded = isEmbedded(m, text);
  }
  return ms;
}

function cueMatches(cue: Cue, text: string): RegExpExecArray[] {
  cue.re.lastIndex = 0;
  return [...text.matchAll(cue.re)];
}

/** Every relationship a sentence states. `sentenceIndex` orders sentences across the document. */
export function recogniseSentence(sentence: Sentence, sentenceIndex: number, mentions: Mention[]): SentenceHits {
  const out: SentenceHits = { relations: [], rulings: [], citations: [] };
  if (mentions.length === 0) return out;
  const hasCue = ANY_CUE.test(sentence.text);
  const broad = mentions.length > 1 && Object.values(REVIEW_CUES).some((re) => re.test(sentence.text));
  if (!hasCue && !broad && !mentions.some((m) => m.label === "Model" || m.label === "Law")) return out;
  const text = sentence.text;
  const ms = toLocal(mentions, sentence);
  // A named case spans its caption (`A v. B`): its cue is not inside a name.
  const inMention = (s: number, e: number) => ms.some((m) => m.label !== "Case" && s < m.e && m.s < e);
  const base = sentence.start;
  const hit = (
    type: RelType,
    from: Local,
    to: Local,
    cue: Cue,
    m: RegExpExecArray,
    confidence: number,
    mode: string,
    extra: Partial<RelationHit> = {},
  ): RelationHit => ({
    type,
    from: from.id,
    to: to.id,
    item: sentence.item,
    sentence,
    sentenceIndex,
    spanStart: base + Math.min(from.s, to.s, m.index),
    spanEnd: base + Math.max(from.e, to.e, m.index + m[0].length),
    rule: `${cue.rule}:${mode}${from.tentative || to.tentative ? ":tentative" : ""}`,
    confidence: Math.round(confidence * (from.tentative || to.tentative ? TENTATIVE_FACTOR : 1) * 100) / 100,
    caseKind: cue.caseKind,
    group: `${base}:${m.index}`,
    ...extra,
  });
  /** A decision `from` makes (the case it is on is found once the whole item is read). */
  const ruling = (
    from: Local,
    spanStart: number,
    spanEnd: number,
    rule: string,
    confidence: number,
    caseKind: CaseKind,
  ): RulingHit => ({
    from: from.id,
    item: sentence.item,
    sentence,
    sentenceIndex,
    spanStart: base + spanStart,
    spanEnd: base + spanEnd,
    rule,
    confidence,
    caseKind,
    mentioned: ms.map((x) => x.id),
  });

  for (const cue of hasCue ? CUES : []) {
    for (const m of cueMatches(cue, text)) {
      const cueStart = m.index;
      const cueEnd = cueStart + m[0].length;
      if (inMention(cueStart, cueEnd)) continue;
      if (titleWord(text, cueStart)) continue;
      // "over alleged breaches": the participle describes a noun, nobody accuses anybody in this clause.
      if (/^alleged$/i.test(m[0]) && ADJECTIVE_BEFORE.test(text.slice(Math.max(0, cueStart - 12), cueStart))) continue;
      if (cue.adjacent) {
        const left = ms.find((x) => x.label !== "Case" && x.e <= cueStart && cueStart - x.e <= 1);
        // `X v The South African … Regulator`: the article before the defendant is not part of its name.
        const right = ms.find(
          (x) => x.label !== "Case" && x.s >= cueEnd && /^\s?(?:[Tt]he\s)?$/.test(text.slice(cueEnd, x.s)),
        );
        const ends = ENDPOINTS[cue.type];
        if (left && right && left.id !== right.id && allows(ends.from, left) && allows(ends.to, right)) {
          out.relations.push(hit(cue.type, left, right, cue, m, cue.strength, "adjacent"));
        }
        continue;
      }
      if (cue.family === "rules") {
        // A person rules only as a judge (an official speaks for the authority, which rules).
        const roles = findRoles(
          ms,
          text,
          cueStart,
          cueEnd,
          ENDPOINTS.RULES_ON.from,
          ["Company", "Organization", "Person"],
          true,
          "judge",
        );
        // "尚未有法院作出判决": for a decision, a negation anywhere earlier in the clause counts.
        const clauseStart = clauseStartBefore(text, cueStart);
        if (!roles || negated(text, Math.min(clauseStart, roles.subjects[0].s), cueStart, cueEnd)) continue;
        for (const s of roles.subjects) {
          out.rulings.push(
            ruling(
              s,
              Math.min(s.s, cueStart),
              Math.max(cueEnd, ...roles.objects.map((o) => o.e)),
              `${cue.rule}:active`,
              cue.strength - 0.05 * Math.min(roles.distance, 3),
              s.label === "Court" || isJudge(s, text)
                ? "ruling"
                : /通报/.test(m[0])
                  ? "enforcement"
                  : "administrative_penalty",
            ),
          );
        }
        continue;
      }
      // "alleged in their lawsuit that…", "在起诉状中指控": an allegation a lawsuit makes is the lawsuit (the gold rule).
      const inSuit =
        cue.type === "ACCUSES" &&
        (SUIT_AFTER.test(text.slice(cueEnd, cueEnd + 40)) ||
          SUIT_BEFORE.test(text.slice(Math.max(0, cueStart - 12), cueStart)));
      let type: RelType = inSuit
        ? "SUES"
        : cue.family === "penalty" && cue.type !== "FINES"
          ? "INVESTIGATES"
          : cue.type;
      const ends = ENDPOINTS[type];
      if (cue.family === "issues" || cue.family === "signs" || cue.family === "develops") {
        const objectLabel: Label = cue.family === "develops" ? "Model" : "Law";
        const from = cue.family === "signs" ? [...ENDPOINTS.SIGNS.from, ...ENDPOINTS.ISSUES.from] : ends.from;
        const roles = findRoles(ms, text, cueStart, cueEnd, from as Label[], [objectLabel], false);
        if (!roles && cue.family === "issues" && !m[0].startsWith("通过")) {
          // "会上发布了《X》", "该方案还同时颁布了…": the issuer is the item's (carried over in extract.ts).
          const law = ms.find(
            (x) =>
              x.label === "Law" && x.s >= cueEnd && x.s - cueEnd <= 12 && !/[,，;；。]/.test(text.slice(cueEnd, x.s)),
          );
          if (law && !NEGATION.test(text.slice(Math.max(0, cueStart - 4), cueStart))) {
            out.relations.push({ ...hit("ISSUES", law, law, cue, m, 0.55, "carried-subject"), from: "" });
          }
          continue;
        }
        if (
          !roles ||
          !roles.objects.length ||
          negated(text, roles.subjects[roles.subjects.length - 1].e, cueStart, cueEnd)
        )
          continue;
        let conf = cue.strength - 0.05 * Math.min(roles.distance, 4) - (roles.mode === "passive" ? 0.05 : 0);
        if (hedged(text, cueStart)) conf *= 0.75;
        for (const o of roles.objects) {
          // What is released is named in the cue's own clause (`发布技术报告，…分析X模型` releases no X).
          if (
            cue.family === "develops" &&
            o.s >= cueEnd &&
            clauseMarks(text.slice(cueEnd, o.s).replace(NAMED_APPOSITION, "")) > 0
          )
            continue;
          for (const s of roles.subjects) {
            if (s.id === o.id) continue;
            let relType: RelType = cue.type;
            if (cue.family === "signs") {
              // Signing one's own executive order issues it.
              const clauseEnd = text.slice(cueEnd).search(/[。;；]/);
              const eo =
                /行政命令|行政令|executive order/i.test(
                  text.slice(cueEnd, clauseEnd < 0 ? text.length : cueEnd + clauseEnd),
                ) || /Executive Order|行政令/.test(o.surface);
              relType = eo && allows(ENDPOINTS.ISSUES.from, s) ? "ISSUES" : "SIGNS";
              if (relType === "SIGNS" && !allows(ENDPOINTS.SIGNS.from, s)) continue;
            }
            out.relations.push(hit(relType, s, o, cue, m, conf, roles.mode));
          }
        }
        continue;
      }
      // `被告人柯某…被判处有期徒刑10个月，并处罚金5000元`: a criminal court's fine on the accused the sentence names.
      if (m[0] === "罚金" && SENTENCED.test(text.slice(0, cueStart)) && !negated(text, 0, cueStart, cueEnd)) {
        const sentenced = criminalFineObjects(ms, text, cueStart);
        const courts = ms.filter((x) => x.label === "Court" && x.e <= cueStart && !x.modifier);
        const court = courts[courts.length - 1];
        const criminal = { caseKind: "criminal" as const };
        for (const o of sentenced)
          out.relations.push(
            court
              ? hit("FINES", court, o, cue, m, CRIMINAL_FINE_CONFIDENCE, "criminal", criminal)
              : {
                  ...hit("FINES", o, o, cue, m, ELIDED_SUBJECT_CONFIDENCE, "criminal:elided-subject", criminal),
                  from: "",
                },
          );
        if (sentenced.length) continue;
      }
      // Party-to-party types.
      const roles = findRoles(ms, text, cueStart, cueEnd, ends.from, ends.to, true, OFFICIAL_ONLY.has(type));
      if (!roles) {
        // `In December it fined OpenAI`, `经查，对X处以罚款`: a clause that names no subject. Its object waits for the
        // item to name the subject (recognise.ts carries the nearest fitting party over, for review only).
        if (!negated(text, 0, cueStart, cueEnd))
          for (const o of elidedSubjectObjects(ms, text, cueStart, cueEnd, ends.to))
            out.relations.push({
              ...hit(type, o, o, cue, m, ELIDED_SUBJECT_CONFIDENCE, "elided-subject"),
              from: "",
              broad: true,
            });
        continue;
      }
      // A prosecutor's `起诉` is an indictment: a charge (ACCUSES), not a lawsuit (a caption `A诉B案` stays a SUES, the
      // evaluation set's rule).
      const prosecution = type === "SUES" && roles.subjects.every((s) => PROSECUTOR.test(s.surface));
      if (prosecution) type = "ACCUSES";
      if (negated(text, roles.subjects[roles.subjects.length - 1].e, cueStart, cueEnd)) continue;
      let conf = cue.strength - 0.05 * Math.min(roles.distance, 4) - (roles.mode === "passive" ? 0.05 : 0);
      if (hedged(text, cueStart)) conf *= 0.75;
      // `…, accusing it of…`: a participle after a comma takes the clause's subject, not the nearest name.
      if (/[,，]\s*$/.test(text.slice(Math.max(0, cueStart - 3), cueStart)) && /ing\b/i.test(m[0]))
        conf *= PARTICIPLE_FACTOR;
      if (!roles.objects.length) {
        // A decision without a named party still makes a case the item's citations can attach to.
        if (cue.family === "penalty" || cue.rule === "zh-enforce") {
          for (const s of roles.subjects.filter((x) => allows(ENDPOINTS.RULES_ON.from, x))) {
            out.rulings.push(ruling(s, s.s, cueEnd, `${cue.rule}:no-party`, 0.6, cue.caseKind ?? "enforcement"));
          }
        }
        // Remember the subject: the item may name the object elsewhere (carried over in extract.ts).
        for (const s of roles.subjects) out.relations.push({ ...hit(type, s, s, cue, m, conf, "no-object"), to: "" });
        continue;
      }
      for (const s of roles.subjects) {
        // A judge's sanction is a decision (below), not an investigation.
        const judge = isJudge(s, text);
        for (const o of roles.objects) {
          if (s.id === o.id || (judge && type === "INVESTIGATES")) continue;
          out.relations.push(
            hit(
              type,
              s,
              o,
              cue,
              m,
              roles.viaModel ? conf * 0.9 : conf,
              inSuit ? `${roles.mode}:in-suit` : prosecution ? `${roles.mode}:prosecution` : roles.mode,
              {
                viaModel: roles.viaModel || undefined,
                ...(inSuit ? { caseKind: "lawsuit" as const } : prosecution ? { caseKind: "criminal" as const } : {}),
              },
            ),
          );
          // A fine implies an investigation the text may not state: kept for review, under the usual threshold.
          if (cue.type === "FINES")
            out.relations.push(
              hit("INVESTIGATES", s, o, cue, m, conf * IMPLIED_INVESTIGATION_FACTOR, `${roles.mode}:implied`, {
                caseKind: "administrative_penalty",
              }),
            );
        }
        if (cue.family === "penalty" && allows(ENDPOINTS.RULES_ON.from, s)) {
          out.rulings.push(
            ruling(s, s.s, cueEnd, `${cue.rule}:penalty`, conf * 0.9, cue.caseKind ?? "administrative_penalty"),
          );
        }
      }
      // A lawsuit filed with a court: the court rules on it ("向<法院>起诉").
      if (type === "SUES") {
        for (const court of ms.filter(
          (x) => x.label === "Court" && x.e <= cueStart && /向\s*$/.test(text.slice(Math.max(0, x.s - 3), x.s)),
        )) {
          out.rulings.push(ruling(court, court.s, cueEnd, "zh-filed-with-court", 0.6, "lawsuit"));
        }
      }
    }
  }

  out.relations.push(...possessiveDevelops(ms, text, sentence, sentenceIndex));
  out.relations.push(...noticesReceived(ms, text, sentence, sentenceIndex));
  out.relations.push(...broadPairs(ms, text, sentence, sentenceIndex, out.relations));
  out.citations.push(...citations(ms, text, sentence, sentenceIndex));
  return out;
}

const BROAD_CONFIDENCE: Partial<Record<RelType, number>> = {
  INVESTIGATES: 0.4,
  FINES: 0.4,
  DEVELOPS: 0.4,
  ACCUSES: 0.35,
};
const BROAD_CASE_KIND: Partial<Record<RelType, CaseKind>> = {
  INVESTIGATES: "investigation",
  FINES: "administrative_penalty",
  ACCUSES: "accusation",
};
const BROAD_PASSIVE = /\bby\b|被|由|遭/;
const BROAD_MAX_GAP = 120;
/** An object whose clause names no subject, before the item supplies one (recognise.ts lowers it further). */
const ELIDED_SUBJECT_CONFIDENCE = 0.5;
const BROAD_MAX_CLAUSES = 2;
const BROAD_AFTER = 30;
const BROAD_SUBJECTS = 3;

/**
 * For review only: every pair of parties a type allows, in a sentence with a broad word of that type (REVIEW_CUES),
 * that the precise rules above did not propose. The subject comes first unless a passive mark stands between them;
 * each clause mark between the two lowers the confidence.
 */
function broadPairs(
  ms: Local[],
  text: string,
  sentence: Sentence,
  sentenceIndex: number,
  found: RelationHit[],
): RelationHit[] {
  const out: RelationHit[] = [];
  // A pair the precise rules joined by any type is theirs (`alleged in their lawsuit` is the lawsuit, not also an
  // accusation); in a sentence that reports a lawsuit, its allegations are the lawsuit's.
  const have = new Set(
    found.flatMap((h) => [
      `${h.type}|${h.from}|${h.to}`,
      `pair|${h.from}|${h.to}`,
      ...(h.to ? [`subject|${h.type}|${h.from}`] : []),
    ]),
  );
  const lawsuit = found.some((h) => h.type === "SUES" && h.to);
  const usable = ms.filter((m) => !m.modifier && !m.embedded && !isCooperator(m, text));
  for (const [t, re] of Object.entries(REVIEW_CUES) as [RelType, RegExp][]) {
    if (t === "ACCUSES" && lawsuit) continue;
    const words = [...text.matchAll(new RegExp(re.source, "gi"))]
      .map((w) => w.index!)
      .filter((w) => !titleWord(text, w));
    if (!words.length) continue;
    const ends = ENDPOINTS[t];
    const pairs: { from: Local; to: Local; first: Local; second: Local; between: string; key: string }[] = [];
    for (const from of usable) {
      if (!allows(ends.from, from)) continue;
      if (OFFICIAL_ONLY.has(t) && from.label === "Person" && !isOfficial(from, text)) continue;
      const decided = have.has(`subject|${t}|${from.id}`);
      for (const to of usable) {
        if (to.id === from.id || !allows(ends.to, to)) continue;
        // A subject whose party the precise rules found keeps it: the model named with it is the matter, not a
        // second party (`investigating X Corp. over Grok`).
        if (decided && to.label === "Model") continue;
        const [first, second] = from.s < to.s ? [from, to] : [to, from];
        const between = text.slice(first.e, second.s);
        if (to.s < from.s && !BROAD_PASSIVE.test(between)) continue;
        if (between.length > BROAD_MAX_GAP || clauseMarks(between) > BROAD_MAX_CLAUSES) continue;
        // Two accused (`被告人邓某某…、被告人黄某…`) are on one side.
        if (ACCUSED_BEFORE.test(text.slice(0, from.s)) && ACCUSED_BEFORE.test(text.slice(0, to.s))) continue;
        // Names listed together (`Delphia and Global Predictions`) are on one side; a country is not accused here.
        if (CONNECTOR.test(gapBetween(text, first.e, second.s)) || to.label === "Jurisdiction") continue;
        // The word stands between the two (`X opened an inquiry into Y`), or right after the object (`X said Y
        // violated…`, `X指Y违反…`, `slapped Meta with a fine`).
        const wordAt = (w: number) =>
          (w >= first.e && w < second.s) ||
          (first === from && w >= second.e && w - second.e <= BROAD_AFTER && !/[。;；.]/.test(text.slice(second.e, w)));
        if (!words.some(wordAt)) continue;
        // `未起诉`, `has not fined`, `否认…指控`: a negation in the pair's clause drops it.
        const clauseStart = clauseStartBefore(text, first.s);
        if (NEGATION.test(text.slice(clauseStart, Math.min(text.length, second.e + BROAD_AFTER)))) continue;
        const key = `${t}|${from.id}|${to.id}`;
        if (have.has(key) || have.has(`pair|${from.id}|${to.id}`) || have.has(`pair|${to.id}|${from.id}`)) continue;
        pairs.push({ from, to, first, second, between, key });
      }
    }
    // For each object, the nearest subjects only: a long sentence lists many names, few of them act.
    const byObject = new Map<string, typeof pairs>();
    for (const p of pairs) pushTo(byObject, p.to.id, p);
    for (const list of byObject.values()) {
      list.sort((a, b) => a.between.length - b.between.length);
      for (const { from, to, first, second, between, key } of list.slice(0, BROAD_SUBJECTS)) {
        if (have.has(key)) continue;
        have.add(key);
        out.push({
          type: t,
          from: from.id,
          to: to.id,
          item: sentence.item,
          sentence,
          sentenceIndex,
          spanStart: sentence.start + first.s,
          spanEnd: sentence.start + second.e,
          rule: `broad-${t.toLowerCase()}:review`,
          confidence: Math.round((BROAD_CONFIDENCE[t]! - 0.05 * Math.min(clauseMarks(between), 3)) * 100) / 100,
          caseKind: BROAD_CASE_KIND[t],
          group: `${sentence.start}:broad:${from.s}:${to.s}`,
          broad: true,
        });
      }
    }
  }
  return out;
}

const EN_MODEL_THEN_MAKER =
  /^(?:\s+(?:maker|developer|creator|owner)\s+|,?\s+(?:which\s+(?:was|is)\s+)?(?:developed|made|built|created|trained)\s+by\s+(?:the\s+)?)$/i;
const EN_MAKER_OF = /^,\s+(?:the\s+)?(?:maker|developer|creator|owner)\s+of\s+(?:the\s+)?$/i;
/** `Ed, its ed tech creator AllHere`, `ChatGPT and its parent company OpenAI`: the maker named after the model. */
const EN_ITS_MAKER =
  /^,?\s+(?:and\s+)?its\s+(?:[\w-]+\s+){0,3}?(?:maker|developer|creator|owner|parent(?:\s+company)?|operator)\s+$/i;
/** `苹果公司语音助理Siri`, `字节跳动的聊天机器人豆包`: a company, then the kind of product, then its name. */
const ZH_KIND_OF_PRODUCT =
  /^(?:公司)?(?:的|旗下的?)?(?:AI|人工智能)?(?:语音助理|语音助手|智能助手|聊天机器人|助手|应用|App|APP|大模型|模型|产品|软件|搜索引擎|平台)$/;

/**
 * `X的开发商Y`, `来自X的Y`, `X旗下的Y`, `X的Y模型`, `ChatGPT maker OpenAI`, `Anthropic, the maker of Claude`, `OpenAI's
 * ChatGPT`: a company and the model it makes.
 */
function possessiveDevelops(ms: Local[], text: string, sentence: Sentence, sentenceIndex: number): RelationHit[] {
  const out: RelationHit[] = [];
  const dev = (m: Local) => allows(ENDPOINTS.DEVELOPS.from, m);
  ms.forEach((model, i) => {
    if (model.label !== "Model") return;
    const next = ms[i + 1];
    if (
      next &&
      dev(next) &&
      /^[\u4e00-\u9fff]{0,4}的(?:开发(?:商|者|公司)|主体公司|运营(?:公司|方|主体))$/.test(text.slice(model.e, next.s))
    ) {
      out.push(developsHit(next, model, sentence, sentenceIndex, 0.9, "zh-developer-of"));
      return;
    }
    // `ChatGPT maker OpenAI`, `Claude, developed by Anthropic`.
    if (next && dev(next) && EN_MODEL_THEN_MAKER.test(text.slice(model.e, next.s))) {
      out.push(developsHit(next, model, sentence, sentenceIndex, 0.85, "en-maker"));
      return;
    }
    if (next && dev(next) && EN_ITS_MAKER.test(text.slice(model.e, next.s))) {
      out.push(developsHit(next, model, sentence, sentenceIndex, 0.8, "en-its-maker"));
      return;
    }
    const prev = ms[i - 1];
    if (!prev || !dev(prev)) return;
    const gap = text.slice(prev.e, model.s);
    if (/^\)?的$/.test(gap) && /来自\s*[^，,。]{0,12}$/.test(text.slice(0, prev.s)))
      out.push(developsHit(prev, model, sentence, sentenceIndex, 0.8, "zh-from"));
    else if (/^(?:自己)?旗下(?:的)?[\u4e00-\u9fffA-Za-z\s]{0,10}$/.test(gap))
      out.push(developsHit(prev, model, sentence, sentenceIndex, 0.75, "zh-owned"));
    else if (/^\s*及其(?:产品|模型|大模型|应用|软件)\s*[“"]?$/.test(gap))
      out.push(developsHit(prev, model, sentence, sentenceIndex, 0.8, "zh-its-product"));
    else if (ZH_KIND_OF_PRODUCT.test(gap))
      out.push(developsHit(prev, model, sentence, sentenceIndex, 0.75, "zh-kind-of-product"));
    else if (/^\)?的[\u4e00-\u9fff]{0,6}$/.test(gap) && !/[,，]/.test(gap))
      out.push(developsHit(prev, model, sentence, sentenceIndex, 0.65, "zh-possessive"));
    // `Anthropic, the maker of Claude`; `OpenAI's ChatGPT` (a possessive alone is weaker: owners and users say it too).
    else if (EN_MAKER_OF.test(gap)) out.push(developsHit(prev, model, sentence, sentenceIndex, 0.85, "en-maker-of"));
    else if (/^['’]s\s+(?:[\w-]+\s+){0,2}$/.test(gap))
      out.push(developsHit(prev, model, sentence, sentenceIndex, 0.65, "en-possessive"));
  });
  return out;
}

/** The notices a listed company discloses it received: an investigation, or an inquiry letter, opened on it. */
const ZH_NOTICE_RECEIVED = /(?:收到|接到|收悉)(?:了)?$/;
const ZH_NOTICE =
  /^[^,，。;；]{0,8}?(?:下发|出具|发出|发来)?的?\s*《?(立案告知书|立案调查通知书|调查通知书|问询函|关注函|监管工作函|行政处罚事先告知书)》?/;

/**
 * `塞力医疗收到中国证监会《立案告知书》`, `公司收到上交所下发的问询函`: the authority named after the receipt investigates the
 * company that received it (a notice of investigation at 0.8, an inquiry letter at 0.7: both are inquiries).
 */
function noticesReceived(ms: Local[], text: string, sentence: Sentence, sentenceIndex: number): RelationHit[] {
  const out: RelationHit[] = [];
  const ends = ENDPOINTS.INVESTIGATES;
  ms.forEach((authority, i) => {
    if (!allows(ends.from, authority) || authority.label === "Person") return;
    // `收到中国证监会…`: the country before the authority's short name is part of how it is named.
    const place = ms[i - 1]?.label === "Jurisdiction" && ms[i - 1].e === authority.s ? ms[i - 1] : undefined;
    const start = place?.s ?? authority.s;
    const receipt = ZH_NOTICE_RECEIVED.exec(text.slice(Math.max(0, start - 6), start));
    const notice = receipt && ZH_NOTICE.exec(text.slice(authority.e));
    if (!notice) return;
    const receiptAt = start - receipt[0].length;
    const target = ms
      .slice(0, i)
      .filter(
        (m) =>
          allows(ends.to, m) &&
          m.label !== "Regulator" &&
          !m.modifier &&
          !/[,，。;；]/.test(text.slice(m.e, receiptAt)) &&
          receiptAt - m.e <= 20,
      )
      .pop();
    if (!target) return;
    const investigation = /立案|调查/.test(notice[1]);
    out.push({
      type: "INVESTIGATES",
      from: authority.id,
      to: target.id,
      item: sentence.item,
      sentence,
      sentenceIndex,
      spanStart: sentence.start + target.s,
      spanEnd: sentence.start + authority.e + notice[0].length,
      rule: `zh-notice-received:${investigation ? "investigation" : "inquiry"}`,
      confidence: investigation ? 0.8 : 0.7,
      caseKind: "investigation",
      group: `${sentence.start}:notice:${authority.s}`,
    });
  });
  return out;
}

function developsHit(
  from: Local,
  to: Local,
  sentence: Sentence,
  sentenceIndex: number,
  confidence: number,
  rule: string,
): RelationHit {
  return {
    type: "DEVELOPS",
    from: from.id,
    to: to.id,
    item: sentence.item,
    sentence,
    sentenceIndex,
    spanStart: sentence.start + Math.min(from.s, to.s),
    spanEnd: sentence.start + Math.max(from.e, to.e),
    rule: `${rule}:possessive`,
    confidence,
    group: `${sentence.start}:${from.s}`,
  };
}

/** `Sections 17(a)(2) and 17(a)(3) of the`, `Articles 5, 6 and 13 of`: provisions written before their law's name. */
const EN_PROVISIONS_OF =
  /\b(?:Sections?|Secs?\.|Articles?|Arts?\.)\s+[\w().]+(?:\s*(?:,|and|or)\s*[\w().]+)*\s+of\s+(?:the\s+)?$/i;

function citations(ms: Local[], text: string, sentence: Sentence, sentenceIndex: number): CitationHit[] {
  const out: CitationHit[] = [];
  const laws = ms.filter((m) => m.label === "Law");
  if (!laws.length) return out;
  const used = new Set<Local>();
  // A law known only as a bare name (`行政处罚法` in a list) is cited for review; the others in its list are not.
  const cite = (cueStart: number, cueEnd: number, group: Local[], rule: string, confidence: number) => {
    const tentative = group.filter((l) => l.tentative);
    if (!tentative.length || tentative.length === group.length)
      return citeGroup(cueStart, cueEnd, group, rule, confidence);
    citeGroup(
      cueStart,
      cueEnd,
      group.filter((l) => !l.tentative),
      rule,
      confidence,
    );
    citeGroup(cueStart, cueEnd, tentative, rule, confidence);
  };
  const citeGroup = (cueStart: number, cueEnd: number, group: Local[], rule: string, confidence: number) => {
    const tentative = group.some((l) => l.tentative);
    const articleAfter = (l: Local) =>
      text
        .slice(l.e)
        .replace(/^[》)]+/, "")
        .match(ARTICLE)?.[1];
    const enArticle = text.slice(Math.max(0, cueStart), group[0].s).match(EN_ARTICLE)?.[1];
    const tail = text.slice(group[group.length - 1].e);
    // The citing instrument is another law: `《数字服务法案》(DSA)…违反DSA条款` cites the DSA, it is not its source.
    const lawBefore = laws.filter((l) => l.e <= cueStart && !group.some((g) => g.id === l.id)).pop();
    const subject = text.slice(0, cueStart);
    group.forEach((l) => used.add(l));
    out.push({
      item: sentence.item,
      sentence,
      sentenceIndex,
      laws: uniqueById(group).map((l) => ({
        id: l.id,
        article:
          articleAfter(group.filter((g) => g.id === l.id).pop()!) ?? (enArticle ? `Art. ${enArticle}` : undefined),
      })),
      lawBefore: lawBefore && !SHORT_LAW_REFERENCE.test(lawBefore.surface) ? lawBefore.id : undefined,
      refersToItemLaw:
        /《(本|该|此)?(意见|方案|办法|规定|指南|准则|报告|声明|宣言|计划|框架|规划)》|(^|[,，。])(该|本|此)?(意见|方案|办法|规定|指南|准则|报告|声明|宣言|计划|框架|规划|文件)/.test(
          subject,
        ),
      implements: /依据|根据|按照|依照|为落实|为贯彻/.test(text.slice(cueStart, cueEnd)) && IMPLEMENTS_TAIL.test(tail),
      mentioned: ms.filter((m) => m.label !== "Law").map((m) => m.id),
      spanStart: sentence.start + Math.min(cueStart, group[0].s),
      spanEnd: sentence.start + Math.max(...group.map((l) => l.e + (articleAfter(l)?.length ?? 0) + 1)),
      rule: `${rule}${tentative ? ":tentative" : ""}`,
      confidence: tentative ? Math.round(confidence * TENTATIVE_FACTOR * 100) / 100 : confidence,
    });
  };
  const lawGroupAfter = (cueEnd: number, maxGap: number): Local[] => {
    const first = laws.find((l) => l.s >= cueEnd);
    if (!first) return [];
    // Titles and parentheses between cue and law count as one word ("依据特朗普总统签署的《…》（EO 14179）"), and so do the
    // provisions of the law named after them ("under Sections 17(a)(2) and 17(a)(3) of the Securities Act").
    const gap = text
      .slice(cueEnd, first.s)
      .replace(EN_PROVISIONS_OF, " ")
      .replace(/《[^《》]*》|\([^()]*\)/g, "《》");
    if (gap.length > maxGap || /[,，;；。:：]/.test(gap)) return [];
    // Jurisdiction adjectives and article numbers may sit between cue and law, other entities may not.
    if (ms.some((m) => m.s >= cueEnd && m.e <= first.s && m.label !== "Jurisdiction")) return [];
    return coordinated(ms, ms.indexOf(first), text, (m) => m.label === "Law");
  };

  CITE_CUE.lastIndex = 0;
  for (const m of text.matchAll(CITE_CUE)) {
    const cueStart = m.index!;
    const cueEnd = cueStart + m[0].length;
    if (ms.some((x) => cueStart < x.e && x.s < cueEnd)) continue;
    const group = lawGroupAfter(cueEnd, MAX_CITE_GAP);
    if (!group.length) continue;
    if (/不适用|not apply|does not apply/i.test(text.slice(Math.max(0, cueStart - 4), cueEnd + 2))) {
      group.forEach((l) => used.add(l));
      continue;
    }
    cite(cueStart, cueEnd, group, `cite-${/[a-z]/i.test(m[0]) ? "en" : "zh"}`, 0.85);
  }
  FRAMEWORK_CUE.lastIndex = 0;
  for (const m of text.matchAll(FRAMEWORK_CUE)) {
    const group = lawGroupAfter(m.index! + 1, 1);
    if (!group.length || group.some((l) => used.has(l))) continue;
    if (!FRAMEWORK_TAIL.test(text.slice(group[group.length - 1].e, group[group.length - 1].e + 16))) continue;
    cite(m.index!, m.index! + 1, group, "cite-framework", 0.75);
  }
  // `《X》第十条规定`: a provision quoted on its own.
  for (const l of laws) {
    if (used.has(l)) continue;
    const article = text
      .slice(l.e)
      .replace(/^[》)]+/, "")
      .match(ARTICLE);
    if (
      !article ||
      !/^\s*(规定|明确|要求)/.test(
        text
          .slice(l.e)
          .replace(/^[》)]+/, "")
          .slice(article[0].length),
      )
    )
      continue;
    cite(l.s, l.s, [l], "cite-article", 0.75);
  }
  // A law named without a citation cue (`对照《X》`, `著作权法意义上的作品`): a citation for review only, unless its clause
  // issues it (`发布了《X》`), negates, or says it does not apply.
  for (const l of laws) {
    if (used.has(l)) continue;
    const clauseStart = clauseStartBefore(text, l.s);
    const before = text.slice(clauseStart, l.s);
    const after = text.slice(l.e).split(/[,，;；。]/)[0];
    if (ISSUING.test(before) || NEGATION.test(before)) continue;
    if (/不适用|not apply/i.test(after)) continue;
    cite(l.s, l.s, [l], "cite-mention", MENTION_CITE_CONFIDENCE);
  }
  return out;
}
