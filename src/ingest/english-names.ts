/**
 * English entity discovery beyond suffix patterns: a chunker over capitalised spans that keeps the name parts a
 * general tagger cuts off (`Clearview AI`, `Stability AI`, `Getty Images`, `Rite Aid Inc.`) and joins `of`, `for`
 * and `and` only inside authority names (`Securities and Exchange Commission`, `Ministry of Justice`), so that two
 * parties coordinated with `and` stay two. A span is typed by what surrounds it (a title before a person, `company`
 * or `startup` before a company, `model` or `chatbot` before a model), by its head word, and by compromise's
 * lexicon (first names, places) as one more signal; a span nothing types is proposed as a company only when it is a party-shaped
 * name (two words or more, or repeated in the document) and never at the start of a sentence on its own.
 *
 * compromise (MIT) is used only for its lexicon of first names and places: on the issue's articles its tagger found
 * `Ireland's Data Protection Commission` but cut `Getty Images`, `Stability AI` and `Clearview AI` to one word and
 * found no people, so its spans are not used.
 */
import nlp from "compromise";

import type { Label } from "../model/index.js";
import { DATE_WORD, DESCRIPTOR_FIRST, modelKind, type PatternHit } from "./new-entities.js";

const NAME_WORD = /^(?:\p{Lu}[\p{Script=Latin}0-9'’&.-]*|[A-Z]{2,}[a-z]?|[a-z]+[A-Z][A-Za-z]*)$/u;
/** Corporate tails kept inside a name. */
const CORP_TAIL =
  /^(?:AI|Inc\.?|Ltd\.?|LLC|Corp\.?|Co\.?|Corporation|Limited|GmbH|PLC|plc|S\.A\.|Group|Labs?|Technologies|Holdings)$/;
/** The last word of a newspaper's or a news agency's name (`The New York Times`, `Canadian Press`, `China Daily`). */
const MEDIA_TAIL =
  /^(?:Times|Post|Journal|Daily|Herald|Tribune|News|Mail|Telegraph|Guardian|Mirror|Gazette|Chronicle|Observer|Inquirer|Star|Globe|Press)$/;
/** Connectors kept inside a name only when the name ends with an institution word. */
const INNER_CONNECTOR = /^(?:of|for|and|&|on|the)$/;
const INSTITUTION_HEAD =
  /\b(?:Division|Directorate|Commission|Authority|Office|Ministry|Agency|Court|Department|Board|Administration|Council|Commissioner|Inspectorate|Tribunal|Bureau|Service|Committee|Regulator|Supervisor|Protection)\b/;
const COURT_HEAD = /\b(?:Court|Tribunal)\b/;
const AUTHORITY_HEAD =
  /\b(?:Division|Directorate|Commission|Authority|Office|Ministry|Agency|Department|Board|Administration|Council|Commissioner|Inspectorate|Bureau|Committee|Regulator|Supervisor|Attorney General)$/;
/** `Texas Attorney General Ken Paxton`: an office written before its holder's name is two names. */
const OFFICE_HOLDER = /^(.*\bAttorney General)\s+((?:\p{Lu}[\p{L}.'’-]*\s){1,2}\p{Lu}[\p{L}'’-]+)$/u;
const LAW_HEAD = /\b(?:Act|Rule|Rules|Regulation|Directive|Code|Law|Bill|Opinion \d+\/\d+)$/;
const ORG_HEAD =
  /\b(?:Association|University|Institute|Foundation|Federation|Laboratory|Guild|Review|Union|Society|Centre|Center)$/;
/** Words that open a sentence or a clause in capitals without naming anything. */
const NOT_NAME = new Set(
  (
    "The A An This That These Those It Its In On At By For From With Without Of To As But And Or If When While Where Which Who Whom Whose What Why How " +
    "After Before During Despite Although Though Since Because Until Unless However Moreover Additionally Furthermore Meanwhile Also Then Thus Therefore " +
    "According Under Over Against Between Among Last Next First Second Third Finally Background Conclusion Summary Update Read More See Photo Image " +
    "He She They We I You His Her Their Our My Your Mr Mrs Ms Dr Prof Sir Judge Justice Chief Chairman Chairwoman Chair President CEO Commissioner Senator " +
    "January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday " +
    "Article Articles Section Sections Part Chapter Paragraph No Motions Motion Summary Judgment Order Opinion Court Federal State National " +
    "AI GDPR US USA UK EU News Today Yesterday Tomorrow Such Some Many Most Any All Each Every Both Other Another Several Few One Two Three"
  ).split(/\s+/),
);
const PERSON_TITLE =
  /\b(?:Judge|Justice|Chief Justice|Magistrate|Chairman|Chairwoman|Chair|Commissioner|Director|Senator|President|Secretary|Minister|CEO|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Professor|founder|co-founder|chief executive|chairman|chair|director|commissioner|judge|spokesperson|spokesman|spokeswoman|attorney|lawyer|counsel)\s*$/;
const PERSON_AFTER =
  /^,\s*(?:the\s+)?(?:\w+\s+){0,2}(?:chairman|chairwoman|chair|chief|CEO|founder|director|commissioner|judge|president|spokesperson|head|minister|secretary|professor)\b|^\s+(?:said|says|stated|wrote|added|told|explained|noted)\b/i;
const COMPANY_BEFORE =
  /\b(?:company|companies|startup|start-up|firm|developer|maker|advisers?|advisors?|retailer|platform|operator|agency|publisher|provider|unicorn|giant|rival|owner|creator|news agency|outlet|insurer|bank)\s*$/i;
/** An authority introduced by its kind (`the authority known as the Garante`, `the privacy watchdog CNIL`). */
const REGULATOR_BEFORE =
  /\b(?:authority|regulator|watchdog|supervisor|ombudsman|(?:data protection|privacy|competition|antitrust|consumer protection|financial|securities|communications|media) (?:agency|commission|office|body))(?:,?\s+(?:known as|called|named))?\s+(?:the\s+)?$/i;
/** `Garante, Italy's data protection authority`, `the CNIL, the French privacy watchdog`. */
const REGULATOR_AFTER =
  /^,\s+(?:the\s+|an?\s+|its\s+|\p{Lu}[\p{L}]+['’]s\s+)(?:[\p{L}-]+\s+){0,3}(?:regulator|watchdog|data protection authority|supervisory authority|privacy authority)\b/iu;
/** A product word right before the name, or with the name given to it (`its chatbot, named GPT-4.5`, `a sun named “Ed”`). */
const MODEL_BEFORE =
  /\b(?:model|models|chatbot|chatbots|assistant|tool|app|product|system|engine|generator)(?:,?\s+(?:[\w-]+\s+){0,3}?(?:named|called|dubbed|known as))?\s*[“"]?$/i;
const MODEL_AFTER = /^\s*(?:chatbot|model|app|assistant|image generator|tool|feature)\b/;
/** A product described right after its name (`Udio AI, a generative AI program that…`, `Grok, xAI's chatbot`). */
const MODEL_APPOSITION =
  /^,\s+(?:an?|the|its|\p{Lu}[\p{L}.-]*['’]s)\s+(?:(?!of\b|by\b|maker|developer|creator|owner|operator|company|firm|start-?up|behind)[\w-]+\s+){0,4}?(?:program|model|chatbot|app|application|tool|assistant|generator|software)\b/iu;
/** A maker's verb right before a name: what follows is made (`Suno develops Suno AI, a…`). */
const MADE_BEFORE =
  /\b(?:develop(?:s|ed|ing)?|buil(?:d|ds|t)|creat(?:e|es|ed)|launch(?:es|ed)?|releas(?:e|es|ed)|operat(?:e|es|ed)|train(?:s|ed)?|offer(?:s|ed)?)\s+(?:the\s+|its\s+)?$/i;
/** A name given right before (`a tool called KAI`, `an assistant named “Ed”`): a name, whatever its shape. */
const GIVEN_NAME_BEFORE = /\b(?:named|called|dubbed|known as)\s*[“"]?$/i;
/** A product named by who makes it (`the developer of Replika`, `Replika developer Luka Inc.`). */
const MAKER_OF_BEFORE = /\b(?:maker|developer|creator)s?\s+of\s+(?:the\s+)?$/i;
const MAKER_AFTER = /^\s+(?:maker|developer|creator)\s+\p{Lu}/u;
/**
 * A name that does what only an authority does (`the FTC fined…`, `Garante opened an investigation into…`, `the CNIL
 * said it had launched a probe`): an authority, whatever its shape says.
 */
const AUTHORITY_ACTS_AFTER = new RegExp(
  String.raw`^(?:\s+\([A-Z]{2,6}\))?(?:,[^,.;]{1,60},)?\s+(?:(?:on|in|last|this|earlier|late)\s+\w+\s+)?(?:(?:said|says|announced|confirmed|stated)\s+(?:(?:on|in|last|this)\s+\w+\s+)?(?:that\s+)?it\s+)?(?:(?:has|had|have|would|will|also|then|later|recently|previously|already|formally)\s+){0,2}(?:fined|fines|(?:opened|opens|launched|launches|began|begun|begins|started|starts|initiated|initiates)\s+(?:an?\s+|its\s+)?(?:formal\s+|new\s+|preliminary\s+)?(?:investigation|inquiry|probe)|(?:is|was|has been)\s+investigating|imposed\s+(?:an?\s+)?(?:fine|penalty))\b`,
  "i",
);
/** A Chinese context naming a product or model right before a Latin name (`绘画产品Trik`, `虚拟数字人Ada`). */
const MODEL_BEFORE_ZH = /(?:产品|模型|大模型|软件|应用|数字人|机器人|助手|助理|智能体)\s*[“"]?$/;
/** Capitalised words that are places or peoples when alone (besides compromise's demonyms): the graph links countries; these are adjectives. */
const DEMONYM =
  /^(?:American|British|Chinese|European|Dutch|Irish|French|German|Italian|Spanish|Korean|Japanese|Indian|Brazilian|Canadian|Australian|Greek|Swiss|Swedish|Russian|Singaporean|Israeli|Turkish|Western|Eastern)$/;

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{Script=Latin}0-9][\p{Script=Latin}0-9'’&.-]*(?:\([A-Z]{2,5}\))?|&/gu)) {
    let t = m[0];
    // A full stop ends the word unless it is part of an abbreviation (`Inc.`, `U.S.`).
    if (t.endsWith(".") && !/^(?:Inc|Ltd|Corp|Co|Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr)\.$|^(?:[A-Z]\.)+$/.test(t))
      t = t.slice(0, -1);
    t = t.replace(/['’]s?$/, "");
    if (t) out.push({ text: t, start: m.index!, end: m.index! + t.length });
  }
  return out;
}

/** Titles end the name before them and open a person's name (`SEC Chair Gary Gensler`). */
const TITLE_WORD =
  /^(?:Judge|Justice|Magistrate|Chair|Chairman|Chairwoman|Commissioner|Director|Senator|President|Secretary|Minister|CEO|CTO|Founder|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Professor)$/;
/** Title-case headings capitalise their verbs: these end a name (`SEC Fines Delphia`, `ANI vs OpenAI`). */
const HEADING_VERB =
  /^(?:Fines?|Fined|Sues?|Sued|Suing|Accuses?|Accused|Probes?|Investigates?|Charges?|Settles?|Bans?|Orders?|Rules?|Wins?|Loses?|Blocks?|Warns?|Targets?|Launches|Opens|Hits|Slaps|Takes|vs?\.?|Versus|For|To|Over|Against|With|After|In|On)$/;
const OPENING_FUNCTION_WORD =
  /^(?:In|On|At|For|From|Following|After|Before|Under|Since|With|Without|By|As|But|And|Or|If|When|While|Although|Despite|During|Unlike|Per|Via|Citing|Meanwhile|However)$/;
const MONTH_ABBREVIATION = /^(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$/;
/** `US-based`, `AI-generated`, `AI-driven`: adjectives, not names. */
const HYPHEN_ADJECTIVE = /-[a-z]+$/;

const isWord = (t: string) =>
  NAME_WORD.test(t) &&
  !/^\d/.test(t) &&
  !TITLE_WORD.test(t) &&
  !MONTH_ABBREVIATION.test(t) &&
  !HYPHEN_ADJECTIVE.test(t);

/** The capitalised spans of a sentence, with connectors kept only inside institution names. */
export function capitalisedSpans(text: string): Token[] {
  const toks = tokens(text);
  // Only a title-case heading capitalises its verbs (`SEC Fines Delphia`); in a sentence `Rule` is a name's word.
  const heading = titleCase(text);
  const isNameWord = (t: string) => isWord(t) && !(heading && HEADING_VERB.test(t));
  const spans: Token[] = [];
  let i = 0;
  while (i < toks.length) {
    // A name does not open with a preposition or a conjunction (`In Northbound Processing (Pty) Ltd v …`).
    if (!isNameWord(toks[i].text) || OPENING_FUNCTION_WORD.test(toks[i].text)) {
      i++;
      continue;
    }
    let j = i;
    // Extend over name words separated by one space, and over connectors when a name word follows.
    for (;;) {
      const next = toks[j + 1];
      if (!next || text.slice(toks[j].end, next.start) !== " ") break;
      // An office closes the name it ends (`Australian Information Commissioner v …`), unless a person's name follows
      // it (`SEC Chair Gary Gensler`: two names).
      const office =
        TITLE_WORD.test(next.text) &&
        /^(?:Commissioner|Director|Minister|Secretary)$/.test(next.text) &&
        !(toks[j + 2] && isNameWord(toks[j + 2].text) && text.slice(next.end, toks[j + 2].start) === " ");
      if (isNameWord(next.text) || CORP_TAIL.test(next.text) || office) {
        j++;
        continue;
      }
      const after = toks[j + 2];
      // After a connector a title word is a name's word (`Ministry of Justice`, `Department of Justice`).
      if (
        INNER_CONNECTOR.test(next.text) &&
        after &&
        NAME_WORD.test(after.text) &&
        !DATE_WORD.test(after.text) &&
        text.slice(next.end, after.start) === " "
      ) {
        // `Morgan & Morgan`, `Procter & Gamble`: an ampersand between name words always joins them.
        if (next.text === "&" && isNameWord(after.text)) {
          j += 2;
          continue;
        }
        // Joined only when the words so far or the words after form an institution name.
        const left = text.slice(toks[i].start, toks[j].end);
        let k = j + 2;
        while (toks[k + 1] && NAME_WORD.test(toks[k + 1].text) && text.slice(toks[k].end, toks[k + 1].start) === " ")
          k++;
        const right = text.slice(after.start, toks[k].end);
        if (INSTITUTION_HEAD.test(left) || (next.text !== "the" && INSTITUTION_HEAD.test(right) && !/,/.test(left))) {
          j = k;
          continue;
        }
      }
      break;
    }
    // `San Francisco-based`: the words before a hyphenated adjective belong to it.
    const following = toks[j + 1];
    if (following && HYPHEN_ADJECTIVE.test(following.text) && text.slice(toks[j].end, following.start) === " ") {
      i = j + 2;
      continue;
    }
    // `Delphia (USA) Inc.`: a country in parentheses before the legal form is part of the name.
    const qualified = text
      .slice(toks[j].end)
      .match(/^ \([A-Z][A-Za-z.]{1,10}\) (?:Inc\.?|Ltd\.?|LLC|Corp\.?|GmbH|PLC|plc|Limited)/);
    if (qualified) {
      const end = toks[j].end + qualified[0].length;
      while (j + 1 < toks.length && toks[j + 1].start < end) j++;
      spans.push({ text: text.slice(toks[i].start, end), start: toks[i].start, end });
      i = j + 1;
      continue;
    }
    // Drop leading words that never start a name (`The`, `In`, `Judge`); the title stays visible to the typing.
    let s = i;
    while (
      s <= j &&
      NOT_NAME.has(toks[s].text) &&
      !(
        s < j &&
        INSTITUTION_HEAD.test(text.slice(toks[s].start, toks[j].end)) &&
        /^(?:Federal|National|State|Court)$/.test(toks[s].text)
      )
    )
      s++;
    if (s <= j) spans.push({ text: text.slice(toks[s].start, toks[j].end), start: toks[s].start, end: toks[j].end });
    i = j + 1;
  }
  return spans;
}

/**
 * compromise's lexicon (first names, countries, cities, regions), read as a dictionary: running its tagger on every
 * sentence cost two thirds of the extractor's time, and on these names the lexicon says the same.
 */
const LEXICON = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
const tagsOfWord = (w: string): string[] => {
  const t = LEXICON[w.toLowerCase()];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
};
const PLACE_TAGS = new Set(["Country", "City", "Region", "Place", "Continent"]);
const FIRST_NAME_TAGS = new Set(["MaleName", "FemaleName", "FirstName"]);
/** Last words that make a first name the start of a company's name (`Ross Intelligence`, `Grace Labs`). */
const NOT_SURNAME =
  /^(?:Intelligence|Images|Media|Capital|Systems|Technologies|Robotics|Health|News|Studios|Games|Networks|Partners|Ventures|Foods|Motors|Energy|Pharma|Bio|Analytics|Security|Software|Digital|Cloud|Data)$/;

/** A people's adjective (`Austrian`, `Kenyan`): compromise's lexicon tags most of them, the list above adds the rest. */
function isDemonym(word: string): boolean {
  return DEMONYM.test(word) || tagsOfWord(word).includes("Demonym");
}

function isPlace(name: string): boolean {
  return tagsOfWord(name).some((t) => PLACE_TAGS.has(t));
}

function isPersonName(words: string[]): boolean {
  if (words.length < 2 || words.length > 3 || NOT_SURNAME.test(words[words.length - 1])) return false;
  return (
    tagsOfWord(words[0]).some((t) => FIRST_NAME_TAGS.has(t)) || tagsOfWord(words[words.length - 1]).includes("LastName")
  );
}

/** Latin terms of art that legal writing capitalises (`took Suo Motu cognisance`): no names. */
const LATIN_TERM =
  /^(?:Suo Mot[ou]|Amicus Curiae|Prima Facie|Inter Alia|Ex Parte|Sub Judice|Habeas Corpus|Pro Bono|Bona Fide|De Facto|De Jure|Per Curiam|Res Judicata|Locus Standi|Ultra Vires|Mens Rea)$/i;

function typeSpan(span: Token, text: string): { label: Label; rule: string; confidence: number } | undefined {
  const before = text.slice(Math.max(0, span.start - 40), span.start);
  const after = text.slice(span.end, span.end + 60);
  const name = span.text;
  const words = name.split(/\s+/);
  // `14款App`: the word for an app is no name.
  if (LATIN_TERM.test(name) || /^(?:Apps?|APP)$/.test(name)) return undefined;
  // `a penalty for violations (Gwajinggeum)`: a word glossing the common noun before it is a term, not a name.
  if (words.length === 1 && /\b[a-z]{3,}\s*\($/.test(before) && /^\)/.test(after)) return undefined;
  const head = name.replace(/\s+(?:of|for)\s+.*$/, "");
  if (COURT_HEAD.test(head) && words.length > 1) return { label: "Court", rule: "en-chunk:court", confidence: 0.65 };
  if (AUTHORITY_HEAD.test(head) && words.length > 1)
    return { label: "Regulator", rule: "en-chunk:authority", confidence: 0.65 };
  // Only where a maker's verb names it: a company is often called after its product (`Rytr, an AI writing assistant`).
  if (MODEL_APPOSITION.test(after) && MADE_BEFORE.test(before))
    return { label: "Model", rule: "en-chunk:model-described", confidence: 0.6 };
  if (CORP_TAIL.test(words[words.length - 1]) && words.length > 1)
    return { label: "Company", rule: "en-chunk:company-tail", confidence: 0.7 };
  // A newspaper is a company, whatever place its name holds (`The New York Times` is not New York).
  if (MEDIA_TAIL.test(words[words.length - 1]) && words.length > 1)
    return { label: "Company", rule: "en-chunk:media", confidence: 0.65 };
  // `Morgan & Morgan`, `Procter & Gamble`: names joined by an ampersand are a firm, never one person.
  if (words.includes("&")) return { label: "Company", rule: "en-chunk:ampersand", confidence: 0.6 };
  if (LAW_HEAD.test(name) && words.length > 1) return { label: "Law", rule: "en-chunk:law", confidence: 0.6 };
  if (ORG_HEAD.test(name) && words.length > 1)
    return { label: "Organization", rule: "en-chunk:organisation", confidence: 0.6 };
  if (words.length === 1 && isDemonym(name)) return undefined;
  if (PERSON_TITLE.test(before) && words.length <= 3)
    return { label: "Person", rule: "en-chunk:person-title", confidence: 0.7 };
  if (REGULATOR_BEFORE.test(before) || REGULATOR_AFTER.test(after))
    return { label: "Regulator", rule: "en-chunk:authority-context", confidence: 0.6 };
  if (
    MODEL_BEFORE.test(before) ||
    MODEL_AFTER.test(after) ||
    MODEL_BEFORE_ZH.test(before) ||
    MAKER_OF_BEFORE.test(before) ||
    MAKER_AFTER.test(after)
  )
    return { label: "Model", rule: "en-chunk:model", confidence: 0.6 };
  if (COMPANY_BEFORE.test(before)) return { label: "Company", rule: "en-chunk:company-context", confidence: 0.65 };
  if (isPlace(name)) return undefined;
  if (isPersonName(words) || (words.length >= 2 && words.length <= 4 && PERSON_AFTER.test(after)))
    return { label: "Person", rule: "en-chunk:person", confidence: 0.6 };
  // Neither a person nor anything its shape tells: what it does.
  if (AUTHORITY_ACTS_AFTER.test(text.slice(span.end, span.end + 120)))
    return { label: "Regulator", rule: "en-chunk:authority-acts", confidence: 0.55 };
  return { label: "Company", rule: "en-chunk:name", confidence: 0.5 };
}

/**
 * Capitalised-span hits of one sentence. `known` holds the lower-cased spans seen elsewhere in the document, so that
 * a lone word opening a sentence counts only when it is also written mid-sentence; `covered` tells which spans
 * (offsets in the sentence) are names found already.
 */
export function englishNameHits(
  text: string,
  known: ReadonlySet<string> = new Set(),
  heading = false,
  covered: (start: number, end: number) => boolean = () => false,
): PatternHit[] {
  if (!/[A-Z]/.test(text)) return [];
  const out: PatternHit[] = [];
  const spans = capitalisedSpans(text).flatMap((span) => {
    // `Startup Vocalis Inc.` at a sentence's start: the descriptor is not part of the name (it types it, below).
    const descriptor = span.text.match(DESCRIPTOR_FIRST);
    if (descriptor)
      span = { text: span.text.slice(descriptor[0].length), start: span.start + descriptor[0].length, end: span.end };
    const split = span.text.match(OFFICE_HOLDER);
    if (!split) return [span];
    const holderStart = span.start + span.text.length - split[2].length;
    return [
      { text: split[1], start: span.start, end: span.start + split[1].length },
      { text: split[2], start: holderStart, end: span.end },
    ];
  });
  for (const span of spans) {
    // A span the graph's names already cover needs no typing.
    if (covered(span.start, span.end)) continue;
    const single = !span.text.includes(" ");
    const atStart = !/[A-Za-z0-9]/.test(text.slice(0, span.start)) || /:\s*$/.test(text.slice(0, span.start));
    const isKnown = known.has(span.text.toLowerCase());
    if (single && atStart && !isKnown) continue;
    if (single && (span.text.length < 3 || CORP_TAIL.test(span.text))) continue;
    // `Detecting…`, `…ed`: a capitalised verb form; `ERNIE 4.5 Turbo`: the tail of a versioned name.
    if (single && (/(?:ing|ed)$/.test(span.text) || /\d\s+$/.test(text.slice(0, span.start)))) continue;
    // A lone acronym nothing introduced (`TCPA`, `LLM`) is left to the linker and to the parenthesis rule, unless it
    // acts as an authority (`The FTC fined…`) or is given as a name (`a tool called KAI`).
    if (
      single &&
      /^[A-Z]{2,6}s?$/.test(span.text) &&
      !AUTHORITY_ACTS_AFTER.test(text.slice(span.end, span.end + 120)) &&
      !GIVEN_NAME_BEFORE.test(text.slice(0, span.start))
    )
      continue;
    // Quoted terms (`“Facial Recognition or Analysis Systems”`) are defined terms, not parties.
    if (/[“"]$/.test(text.slice(0, span.start))) continue;
    const typed = typeSpan(span, text);
    if (!typed) continue;
    // Title-case headings capitalise every word: there only a name also written in the body counts.
    if ((heading || titleCase(text)) && typed.rule === "en-chunk:name" && !isKnown) continue;
    const acronym = span.text.match(/^(.*?)\(([A-Z]{2,5})\)$/);
    const nameEn = acronym ? acronym[1].trim() : span.text;
    out.push({
      start: span.start,
      end: span.end,
      label: typed.label,
      nameEn,
      aliases: acronym ? [acronym[2]] : [],
      rule: typed.rule,
      confidence: typed.confidence,
      props: {},
    });
  }
  // `Paul Lehrman and Linnea Sage`: an untyped name coordinated with a person is a person.
  for (let i = 1; i < out.length; i++) {
    const [prev, hit] = [out[i - 1], out[i]];
    const words = hit.nameEn!.split(/\s+/).length;
    if (
      hit.rule === "en-chunk:name" &&
      prev.label === "Person" &&
      words >= 2 &&
      words <= 3 &&
      /^\s*(?:,|,?\s*and|&)\s*$/.test(text.slice(prev.end, hit.start))
    ) {
      hit.label = "Person";
      hit.rule = "en-chunk:person-coordinated";
      hit.confidence = 0.6;
    }
  }
  return out;
}

/** Most words capitalised: a title-case heading. */
function titleCase(text: string): boolean {
  const words = text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
  const long = words.filter((w) => w.length > 3);
  return long.length >= 3 && long.filter((w) => /^[A-Z]/.test(w)).length / long.length > 0.7;
}

/** Lower-cased capitalised spans written mid-sentence anywhere in a text: evidence that a word is a name. */
export function midSentenceNames(sentences: string[]): Set<string> {
  const out = new Set<string>();
  for (const s of sentences)
    for (const span of capitalisedSpans(s))
      if (/[A-Za-z0-9]/.test(s.slice(0, span.start)))
        for (const w of [span.text, ...span.text.split(" ")]) out.add(w.toLowerCase());
  return out;
}

/** Instruments named by a common noun after a verb of issuing (`issued a unanimous declaratory ruling`). */
const EN_INSTRUMENT =
  /\b(?:issu|publish|adopt|releas|finalis|finaliz)(?:e|es|ed|ing)?\s+(?:a|an|its|the|new)\s+(?:(?:unanimous|new|final|formal|draft|long-awaited)\s+)?((?:[a-z-]+\s+){0,2}?(?:ruling|guidance|guidelines|opinion|rules|framework|code of practice|policy statement))\b/g;
/**
 * An authority named by its place and remit instead of its name (`Hamburg's data protection commissioner`, `the Italian
 * privacy watchdog`, `Spain's competition regulator`, `the Italian DPA`, `the French SA`): the name a reader meets
 * first in many reports of foreign enforcement. The place must be one (compromise's lexicon) or a demonym; the head is an authority noun.
 */
const EN_DESCRIBED_AUTHORITY =
  /\b(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)(?:['’]s)?\s+((?:(?:data[- ]protection|privacy|competition|antitrust|consumer(?:[- ]protection)?|financial|securities|communications|telecoms?|telecommunications|media|markets?|information|cyber(?:security)?|AI)\s+){1,2}(?:authority|regulator|watchdog|commissioner|agency|supervisor|office|commission|ombudsman)|supervisory authority|DPA|SA)\b/gu;

/** A local government named by its kind and place (`the municipality of Trento`, `the city of Baltimore`): a party. */
const EN_LOCAL_GOVERNMENT =
  /\b(municipality|city|town|county|borough|province|region|commune)\s+of\s+(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)/gu;

/**
 * A counted group of people (`Two voice actors`, `three attorneys`, `四位画师`, `三名消费者`): a party in its own right
 * when the item never names its members, else references.ts puts the members in its place. Nouns of people only:
 * agent endings (actors, artists, plaintiffs; 画师, 作者, 演员) and a few common words.
 */
const COUNT_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
const EN_GROUP = new RegExp(
  `\\b(${COUNT_WORDS.slice(1).join("|")}|\\d{1,3})\\s+(?:[a-z-]+\\s+){0,2}?(?:[a-z]+(?:ers|ors|ists|ians|ants|ents|ees)|attorneys|people|parents|users|residents|consumers|employees|authors|plaintiffs|lawyers|victims|families)\\b`,
  "gi",
);
const ZH_COUNT = "一两三四五六七八九十";
const ZH_GROUP =
  /(?<![一两二三四五六七八九十百千\d])([两二三四五六七八九十]|\d{1,3})(?:位|名)[\u4e00-\u9fff]{0,3}?(?:师|家|者|员|手|士|户|民|工|人)(?=[^\u4e00-\u9fff]|起诉|状告|控告|诉|向|将|对|就|在|联合|共同|称|表示|认为|也|均|分别|提起|于)/g;

/** A whole name that is a group (the patterns above, anchored; the Chinese one without what must follow it). */
const EN_GROUP_NAME = new RegExp(`^${EN_GROUP.source}$`, "i");
const ZH_GROUP_NAME = new RegExp(`^${ZH_GROUP.source.replace(/\(\?=.*$/, "")}$`);

/** How many people a group's name counts (`Two voice actors` -> 2, `四位画师` -> 4), or undefined when it is not one. */
export function groupSize(surface: string): number | undefined {
  const en = EN_GROUP_NAME.exec(surface);
  if (en) return /^\d/.test(en[1]) ? Number(en[1]) : COUNT_WORDS.indexOf(en[1].toLowerCase()) + 1;
  const zh = ZH_GROUP_NAME.exec(surface);
  if (zh) return /^\d/.test(zh[1]) ? Number(zh[1]) : zh[1] === "二" ? 2 : ZH_COUNT.indexOf(zh[1]) + 1;
  return undefined;
}

/** Chinese products in quotes after their kind (`产品“海螺AI”`). */
const ZH_QUOTED_PRODUCT =
  /(?:产品|模型|大模型|软件|应用|工具|智能体)\s*“([^”]{2,20})”|“([^”]{2,20})”(?=\s*(?:功能|平台|网站|App|APP|app|应用|小程序|助手|大模型|模型|软件))/g;
/** A product written in Latin letters right after its kind (`语音助理Siri`, `聊天机器人Cici`, `AI助手Copilot`). */
const ZH_KIND_THEN_LATIN =
  /(?:语音助理|语音助手|智能助手|AI助手|人工智能助手|聊天机器人|对话机器人|大模型|应用程序|应用|软件|搜索引擎|产品)\s*[“"]?([A-Za-z][A-Za-z0-9.+-]{1,24}(?: [A-Z0-9][A-Za-z0-9.+-]*){0,2})(?![A-Za-z0-9])/g;
/** Letters that name a kind of thing, not a product (`应用API`, `大模型LLM`). */
const NOT_LATIN_PRODUCT = /^(?:AI|AIGC|API|APP|App|app|SDK|LLM|GPU|CPU|IT|PC|AR|VR|OS|Web|web|H5)$/;
/** `依据网络安全法、个人信息保护法、行政处罚法等法律法规`: laws written without title marks, listed after a citation word. */
const ZH_BARE_LAW_LIST =
  /(?:依据|根据|依照|按照|违反了?|适用)((?:[\u4e00-\u9fff]{2,14}?(?:法|条例|规定|办法)、)*[\u4e00-\u9fff]{2,14}?(?:法|条例|规定|办法))(?=等|和|及|的?(?:有关|相关)?规定|第|[,，。;；]|$)/g;
/** `其运营的手机知网、知网阅读等14款App`: the products a count of apps lists. */
const ZH_APP_NAME =
  "(?:(?![的等了是和与及])[\\u4e00-\\u9fffA-Za-z0-9]){1,11}(?![的等了是和与及])[\\u4e00-\\u9fffA-Za-z]";
const ZH_LISTED_APPS = new RegExp(
  `(?<=[的了是及和与、,，:：]|^)((?:${ZH_APP_NAME}、){0,8}${ZH_APP_NAME})等?\\s*(?:\\d+|[一二三四五六七八九十两]+)\\s*款\\s*(?:App|APP|app|应用|小程序|产品|软件)`,
  "g",
);

/**
 * A Chinese model named by its kind after it (`盘古大模型`, `通义千问模型`, `盘古AI模型`): the name starts after a
 * function word or a mark; a generic, counted or technical word (`国产大模型`, `这类模型`, `潜扩散模型`) is no name, nor is
 * a kind that qualifies the noun after it (`…模型的框架`).
 */
const ZH_NAMED_MODEL =
  /(?<=^|[的了在和与及、,，。;；:：(“"「\s其将把对是为由被])([\u4e00-\u9fff]{2,6}(?:[A-Za-z][\w.-]*(?: [A-Z][\w.-]*)?)?)(大模型|AI模型|模型)(?!的)/g;
const ZH_GENERIC_MODEL_PREFIX =
  /^(?:该|其|他|它|各|多|某|这|此|新|开源|基础|语言|大语言|通用|多模态|推理|视觉|人工智能|自研|自有|相关|上述|其他|其它|国产|主流|国内|海外|头部|底层|训练|预训练|生成式|对话|文本|图像|视频|语音|行业|垂直|专用|端侧|基座|原始|同类|开源大|AI大)|[类种款个些家项]|[的了]$|(?:扩散|语言|生成|网络|学习|识别|检测|分类|推荐|预测|理解|推理|对抗|专家|训练)$/;

/** The names a list of `、` in `re`'s first group holds, each kept by `keep`, as hits `make` describes (0.55). */
function listed(
  text: string,
  re: RegExp,
  keep: (name: string) => boolean,
  make: (name: string) => Pick<PatternHit, "label" | "nameZh" | "rule" | "props">,
): PatternHit[] {
  const out: PatternHit[] = [];
  for (const m of text.matchAll(re)) {
    let at = m.index! + m[0].indexOf(m[1]);
    for (const name of m[1].split("、")) {
      if (keep(name)) out.push({ start: at, end: at + name.length, aliases: [], confidence: 0.55, ...make(name) });
      at += name.length + 1;
    }
  }
  return out;
}

/** Instruments and products named without capitals or in quotes: a Law or a Model. */
export function commonNameHits(text: string): PatternHit[] {
  const out: PatternHit[] = [];
  for (const m of text.matchAll(EN_INSTRUMENT)) {
    const start = m.index! + m[0].length - m[1].length;
    out.push({
      start,
      end: start + m[1].length,
      label: "Law",
      nameEn: m[1],
      aliases: [],
      rule: "en-instrument",
      confidence: 0.55,
      props: { kind: /guid/.test(m[1]) ? "guideline" : "opinion" },
    });
  }
  for (const m of text.matchAll(EN_DESCRIBED_AUTHORITY)) {
    const lead = /^(?:The|A|An)\s/.exec(m[1])?.[0].length ?? 0;
    const place = m[1].slice(lead);
    const possessive = /['’]s$/.test(m[0].slice(0, m[0].length - m[2].length).trim());
    if (!(isDemonym(place) || (possessive && isPlace(place)))) continue;
    const start = m.index! + lead;
    const name = m[0].slice(lead);
    out.push({
      start,
      end: start + name.length,
      label: "Regulator",
      nameEn: name.replace(/['’]s\s/, " "),
      aliases: [name],
      rule: "en-described-authority",
      confidence: 0.55,
      props: {},
    });
  }
  for (const m of text.matchAll(EN_LOCAL_GOVERNMENT)) {
    const name = `${m[1][0].toUpperCase()}${m[1].slice(1)} of ${m[2]}`;
    out.push({
      start: m.index!,
      end: m.index! + m[0].length,
      label: "Organization",
      nameEn: name,
      aliases: [m[0]],
      rule: "en-local-government",
      confidence: 0.55,
      props: {},
    });
  }
  for (const m of [...text.matchAll(EN_GROUP), ...text.matchAll(ZH_GROUP)]) {
    const name = m[0].replace(/^\p{Ll}/u, (c) => c.toUpperCase());
    out.push({
      start: m.index!,
      end: m.index! + m[0].length,
      label: "Person",
      ...(/[\u3400-\u9fff]/.test(name) ? { nameZh: name } : { nameEn: name }),
      aliases: [],
      rule: "group-of-people",
      confidence: 0.5,
      props: {},
    });
  }
  for (const m of text.matchAll(ZH_NAMED_MODEL)) {
    if (ZH_GENERIC_MODEL_PREFIX.test(m[1])) continue;
    out.push({
      start: m.index!,
      end: m.index! + m[0].length,
      label: "Model",
      nameZh: m[0],
      aliases: [m[1]],
      rule: "zh-named-model",
      confidence: 0.6,
      props: { modelKind: "llm" },
    });
  }
  /** A product named at `start` (0.6), its name kept as written in Chinese text (`nameZh`) or as a Latin name. */
  const product = (start: number, name: string, rule: string, modelKindOf: string, zh: boolean): PatternHit => ({
    start,
    end: start + name.length,
    label: "Model",
    ...(zh ? { nameZh: name } : { nameEn: name }),
    aliases: [],
    rule,
    confidence: 0.6,
    props: { modelKind: modelKindOf },
  });
  for (const m of text.matchAll(ZH_QUOTED_PRODUCT)) {
    const name = m[1] ?? m[2];
    out.push(product(m.index! + m[0].indexOf("“") + 1, name, "zh-quoted-product", "other", true));
  }
  for (const m of text.matchAll(ZH_KIND_THEN_LATIN)) {
    const name = m[1].replace(/[.+-]+$/, "");
    if (NOT_LATIN_PRODUCT.test(name) || !/[A-Z]/.test(name)) continue;
    out.push(product(m.index! + m[0].length - m[1].length, name, "zh-kind-then-latin", modelKind(m[0]), false));
  }
  // `依法`, `该法`, `用户的使用方法`, `平台规定`: words for a law or a rule, not a law's name.
  const lawName = (name: string) =>
    (/法$/.test(name) ? name.length >= 4 : name.length >= 6) &&
    !/的/.test(name) &&
    !/^(?:该|本|此|上述|相关|有关|其他|其它|国家|法律|公司|平台)/.test(name);
  out.push(
    ...listed(text, ZH_BARE_LAW_LIST, lawName, (name) => ({
      label: "Law",
      nameZh: name,
      rule: "zh-bare-law",
      props: { kind: "statute" },
    })),
  );
  const appName = (name: string) => !ZH_GENERIC_MODEL_PREFIX.test(name) && !/^(?:其|该|这|此|多|各|上述)/.test(name);
  out.push(
    ...listed(text, ZH_LISTED_APPS, appName, (name) => ({
      label: "Model",
      nameZh: name,
      rule: "zh-listed-app",
      props: { modelKind: "other" },
    })),
  );
  return out;
}
