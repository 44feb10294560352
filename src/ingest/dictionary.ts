/**
 * The entity dictionary the linker matches against: every name and alias of the graph's entities, normalised like
 * the documents (NFKC, CJK spacing) and compiled once into an Aho–Corasick automaton (modern-ahocorasick), so that
 * linking costs one pass over each sentence whatever the number of aliases.
 *
 * The automaton is fed text re-encoded into ASCII, three characters per UTF-16 unit (encodeForMatch): the library
 * segments non-ASCII text into graphemes with Intl.Segmenter, which costs about 0.6 s per MB of Chinese text under
 * Node 20 and would alone use most of the 1 MB/s budget, while its ASCII path needs no segmentation. The encoding is
 * self-synchronising (the first character of each triple comes from its own alphabet), so a match can only start
 * and end on a unit boundary, and offsets convert back by dividing by three.
 *
 * Several entities may share a surface form (`华纳兄弟` is the name of Warner Bros. and an alias of Warner Bros.
 * Discovery; `王某某` names two people): the entry keeps all of them and the linker decides by kind of name (a primary
 * name beats an alias) and then by the item's context.
 */
import AhoCorasick from "modern-ahocorasick";

import { LEGAL_LABELS, type Label } from "../model/index.js";
import { normalise } from "./normalise.js";
import type { GraphEntity, GraphIndex } from "./types.js";

/**
 * Labels the linker does not look for: topics are themes (their aliases are common words), sources are not named,
 * a case's name usually spells out its parties (`X查处Y…案`), which must be linked one by one, and the legal
 * layer's names ("provider", "AI Act Art. 50(2): ...") are not parties a newsletter reports on.
 */
const UNLINKED_LABELS: ReadonlySet<Label> = new Set(["Topic", "Source", "Case", ...LEGAL_LABELS]);
/** All-capital acronyms up to this length match case-sensitively (`AP` is not `ap`). */
const MAX_ACRONYM_CHARS = 5;
const CJK = /[\u3400-\u9fff]/;
const LEAD_ALPHABET = "ABCDEFGHIJKLMNOP";
const TRAIL_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789QRSTUVWXYZ!#$%&*+-./:;<=>?@^_";
/** Characters per UTF-16 unit in the encoded form. */
export const UNIT_WIDTH = 3;
const LEAD_CODES = Uint8Array.from(LEAD_ALPHABET, (c) => c.charCodeAt(0));
const TRAIL_CODES = Uint8Array.from(TRAIL_ALPHABET, (c) => c.charCodeAt(0));

/** How a surface form names an entity: its primary name, an alias, or the base of a name with a parenthetical. */
export const enum NameKind {
  Name = 0,
  Alias = 1,
  Base = 2,
}

export interface DictEntry {
  id: string;
  kind: NameKind;
}

export interface PatternData {
  /** The normalised form (case kept), checked against the text for case-sensitive patterns. */
  form: string;
  caseSensitive: boolean;
  /** CJK-only and at most two characters: needs a non-CJK neighbour (`反法` must not match inside `违反法律`). */
  short: boolean;
  entries: DictEntry[];
}

export interface EntityDictionary {
  matcher: AhoCorasick<PatternData>;
  entities: Map<string, GraphEntity>;
  /** Normalised, lower-cased name or alias -> entries, for the resemblance checks. */
  forms: Map<string, PatternData>;
  /** Existing (type|from|to) keys, to mark candidate relationships already in the graph. */
  existing: Set<string>;
}

/** The form text is matched in: normalised, ASCII letters lower-cased (length-preserving). */
export function matchForm(text: string): string {
  return text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** `matchForm(text)`, each UTF-16 unit written as three ASCII characters (see the banner). */
export function encodeForMatch(text: string): string {
  const out = Buffer.allocUnsafe(text.length * UNIT_WIDTH);
  for (let i = 0, j = 0; i < text.length; i++, j += UNIT_WIDTH) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    out[j] = LEAD_CODES[c >> 12];
    out[j + 1] = TRAIL_CODES[(c >> 6) & 63];
    out[j + 2] = TRAIL_CODES[c & 63];
  }
  return out.toString("latin1");
}

/** A name as it will appear in normalised text. */
export function normaliseName(name: string): string {
  return normalise(name).text.trim();
}

export function namesOf(e: GraphEntity): { form: string; kind: NameKind }[] {
  const out: { form: string; kind: NameKind }[] = [];
  const add = (raw: string | undefined, kind: NameKind) => {
    if (!raw) return;
    const form = normaliseName(raw);
    out.push({ form, kind });
    // `《个人信息保护法》` also appears without its title marks; `王某某（阳江）` as `王某某`.
    const unquoted = form.replace(/^《(.+)》$/, "$1");
    if (unquoted !== form) out.push({ form: unquoted, kind });
    const base = form.replace(/\s*\([^()]*\)$/, "");
    if (base !== form && base.length >= 2) out.push({ form: base, kind: NameKind.Base });
  };
  add(e.nameZh, NameKind.Name);
  add(e.nameEn, NameKind.Name);
  for (const a of e.aliases) add(a, NameKind.Alias);
  return out;
}

function usable(form: string): boolean {
  // `X` (the platform): a one-letter name matches only as that capital letter, standing alone (link.ts).
  if (form.length < 2) return /^[A-Z]$/.test(form);
  if (/^[\d\s\p{P}\p{S}]+$/u.test(form)) return false;
  return true;
}

export function buildDictionary(graph: GraphIndex): EntityDictionary {
  const entities = new Map<string, GraphEntity>();
  const forms = new Map<string, PatternData>();
  for (const e of graph.entities) {
    entities.set(e.id, e);
    if (UNLINKED_LABELS.has(e.label)) continue;
    for (const { form, kind } of namesOf(e)) {
      if (!usable(form)) continue;
      const key = matchForm(form);
      let data = forms.get(key);
      if (!data) {
        const acronym =
          /^[A-Z0-9.&-]+$/.test(form) || (form.length === 1 && form.replace(/[^A-Z]/g, "").length <= MAX_ACRONYM_CHARS);
        data = {
          form,
          caseSensitive: acronym,
          short: CJK.test(form) && form.length <= 2 && !/[A-Za-z0-9]/.test(form),
          entries: [],
        };
        forms.set(key, data);
      }
      const prior = data.entries.find((x) => x.id === e.id);
      if (prior) prior.kind = Math.min(prior.kind, kind) as NameKind;
      else data.entries.push({ id: e.id, kind });
    }
  }
  const matcher = new AhoCorasick(
    [...forms.entries()].map(([pattern, data]) => ({ pattern: encodeForMatch(pattern), data })),
  );
  const existing = new Set(graph.relationships.map((r) => `${r.type}|${r.from}|${r.to}`));
  return { matcher, entities, forms, existing };
}
