/**
 * Links the entities a sentence names to the graph: one leftmost-longest Aho–Corasick pass over the sentence, then
 * the checks a plain substring match cannot make: Latin names must sit on word boundaries (`AP` not inside `APP`),
 * acronyms must match in case, and two-character Chinese aliases need a non-CJK neighbour. A surface form shared by
 * several entities goes to the one it is the primary name of, else to the one whose names share most with the item.
 *
 * The automaton runs per sentence (sentences are bounded, sentences.ts) on the ASCII encoding of dictionary.ts.
 */
import type { EntityDictionary, PatternData } from "./dictionary.js";
import { encodeForMatch, NameKind, UNIT_WIDTH } from "./dictionary.js";
import { ANY_CUE_START } from "./cues.js";
import type { GraphEntity, Mention } from "./types.js";

const WORD_CHAR = /[A-Za-z0-9]/;
/** Function characters that end a word, so that a two-character alias next to them stands alone. */
const SHORT_ALIAS_BOUNDARY = new Set([..."的和与及对向在将已也于等被由了是为、"]);
const CJK_CHAR = /[\u3400-\u9fff]/;

const cuesOf = new WeakMap<GraphEntity, string[]>();

/** The CJK bigrams and Latin words of an entity's names and description. */
function entityCues(e: GraphEntity): string[] {
  let cues = cuesOf.get(e);
  if (!cues) {
    const text = [e.nameZh, e.nameEn, e.description, ...e.aliases].filter(Boolean).join(" ");
    const set = new Set<string>();
    for (let i = 0; i + 1 < text.length; i++)
      if (CJK_CHAR.test(text[i]) && CJK_CHAR.test(text[i + 1])) set.add(text.slice(i, i + 2));
    for (const word of text.toLowerCase().match(/[a-z]{4,}/g) ?? []) set.add(word);
    cues = [...set];
    cuesOf.set(e, cues);
  }
  return cues;
}

function contextScore(e: GraphEntity, context: string): number {
  const lower = context.toLowerCase();
  return entityCues(e).filter((c) => lower.includes(c)).length;
}

/** The entity a pattern stands for here, or undefined when it must not match at this place. */
export function resolveEntry(
  dict: EntityDictionary,
  data: PatternData,
  text: string,
  start: number,
  end: number,
  context: string,
): string | undefined {
  if (data.caseSensitive && text.slice(start, end) !== data.form) return undefined;
  const first = text[start];
  const last = text[end - 1];
  if (WORD_CHAR.test(first) && start > 0 && WORD_CHAR.test(text[start - 1])) return undefined;
  if (WORD_CHAR.test(last) && end < text.length && WORD_CHAR.test(text[end])) return undefined;
  // A one-letter name (`X`) is no name inside a compound or an enumeration (`X-ray`, `Article X.`, `X.509`, `A/X`); its
  // possessive is (`X’s AI tool Grok`).
  if (
    end - start === 1 &&
    (/[-.’'/&+]/.test(text[start - 1] ?? "") ||
      /^[-/&+]|^[’'](?!s\b)|^\.\w/.test(text.slice(end, end + 3)) ||
      /\b(?:Article|Section|Part|Annex|Schedule|Type|Class|Model|Series|Generation|Plan|Option)\s+$/i.test(
        text.slice(Math.max(0, start - 12), start),
      ))
  )
    return undefined;
  const best = Math.min(...data.entries.map((x) => x.kind));
  if (data.short && best !== NameKind.Name) {
    const before = start > 0 ? text[start - 1] : "";
    const after = end < text.length ? text[end] : "";
    const boundary = (ch: string) => !CJK_CHAR.test(ch) || SHORT_ALIAS_BOUNDARY.has(ch);
    if (!boundary(before) && !boundary(after) && !ANY_CUE_START.test(text.slice(end, end + 8))) return undefined;
  }
  const top = data.entries.filter((x) => x.kind === best);
  if (top.length === 1) return top[0].id;
  let winner = top[0].id;
  let winnerScore = -1;
  for (const entry of top) {
    const e = dict.entities.get(entry.id);
    const score = e ? contextScore(e, context) : 0;
    if (score > winnerScore) {
      winner = entry.id;
      winnerScore = score;
    }
  }
  return winner;
}

/**
 * Mentions of graph entities in `text` (a sentence), with offsets relative to `base` (the sentence's normalised
 * start). `context` is the item's text, used only to choose between entities sharing a name.
 */
export function linkSentence(dict: EntityDictionary, text: string, base: number, context: string): Mention[] {
  const out: Mention[] = [];
  const hits = dict.matcher.search(encodeForMatch(text), { strategy: "leftmost-longest" });
  for (const hit of hits) {
    const data = hit.data;
    if (!data) continue;
    const start = hit.start / UNIT_WIDTH;
    const end = hit.end / UNIT_WIDTH;
    const id = resolveEntry(dict, data, text, start, end, context);
    if (!id) continue;
    const entity = dict.entities.get(id)!;
    out.push({
      start: base + start,
      end: base + end,
      surface: text.slice(start, end),
      label: entity.label,
      id,
      isNew: false,
    });
  }
  return dropForeignLaws(dict, out, text, base).filter(
    (m) => !qualifiedGeneric(text, m.start - base, m.end - base, dict.entities.get(m.id)!),
  );
}

/** One institution word alone: an alias that names an entity only when nothing qualifies it. */
const GENERIC_INSTITUTION =
  /^(?:Commission|Authority|Office|Ministry|Agency|Court|Department|Board|Council|Parliament|Government|Regulator|Tribunal|Bureau|Committee)$/;

/**
 * `Ireland's Data Protection Commission`, `Federal Trade Commission`: a one-word institution alias (`Commission`
 * for the European Commission) preceded by a capitalised qualifier names another body, unless the qualifier is
 * part of the entity's own name.
 */
function qualifiedGeneric(text: string, start: number, end: number, entity: GraphEntity): boolean {
  const surface = text.slice(start, end);
  if (!GENERIC_INSTITUTION.test(surface)) return false;
  const qualifier = text.slice(0, start).match(/([A-Z][\w'’&.-]*)(?:['’]s)?\s+$/);
  if (!qualifier) return false;
  return ![entity.nameEn, ...entity.aliases].some((n) => n && n.includes(`${qualifier[1]} ${surface}`));
}

const jurisdictionsNamed = new WeakMap<GraphEntity, Set<string>>();

/** The jurisdictions whose names appear in an entity's names (`中华人民共和国著作权法` names China). */
export function namedJurisdictions(dict: EntityDictionary, e: GraphEntity): Set<string> {
  let out = jurisdictionsNamed.get(e);
  if (!out) {
    out = new Set();
    const names = [e.nameZh, e.nameEn, ...e.aliases].filter(Boolean).join(" | ");
    for (const j of dict.entities.values()) {
      if (j.label !== "Jurisdiction") continue;
      if (
        [j.nameZh, j.nameEn, ...j.aliases].some((n) => n && n.length >= 2 && !/^[A-Z]{2}$/.test(n) && names.includes(n))
      )
        out.add(j.id);
    }
    jurisdictionsNamed.set(e, out);
  }
  return out;
}

/**
 * `欧盟版权法` is not the PRC Copyright Law although `版权法` is one of its aliases: a law right after a jurisdiction
 * is dropped when the law's own names tie it to other jurisdictions only.
 */
function dropForeignLaws(dict: EntityDictionary, mentions: Mention[], text: string, base: number): Mention[] {
  return mentions.filter((m, i) => {
    const prev = mentions[i - 1];
    if (
      m.label !== "Law" ||
      !prev ||
      prev.label !== "Jurisdiction" ||
      !/^《?$/.test(text.slice(prev.end - base, m.start - base))
    )
      return true;
    const named = namedJurisdictions(dict, dict.entities.get(m.id)!);
    return named.size === 0 || named.has(prev.id);
  });
}
