/**
 * Decides whether a new entity looks like one the graph already has, so that it is proposed as a match instead of
 * being created twice. In order of confidence:
 * - the same name once spaces, punctuation, case and legal forms (有限公司, Inc., 《》, 中华人民共和国) are set aside,
 *   including the English name or abbreviation a parenthesis gave (`字节跳动（ByteDance）`);
 * - a name that ends with an existing one, the rest being a place or a qualifier (`美国加州高等法院`), or the
 *   reverse, an existing name without its short qualifier (`AI法案` for `欧盟AI法案`); a company name plus a short
 *   business word (`亚马逊云科技`);
 * - a name one character away from an existing one of at least six characters (a typo, a doubled character);
 * - an abbreviation: the characters of a Chinese short form in order in the full name, first and last included
 *   (`个保法` in `个人信息保护法`), or an acronym made of the initials of an English name (`PIPL`).
 * Only entities of the same label match, except for the exact name.
 */
import type { Label } from "../model/index.js";
import type { EntityDictionary } from "./dictionary.js";
import { normaliseName } from "./dictionary.js";

const LEGAL_FORMS =
  /(股份有限公司|有限责任公司|有限公司|公司|集团|incorporated|inc|ltd|llc|corp|corporation|company|co|limited|gmbh|plc|sa)$/;
/** `美国加州高等法院` is `加州高等法院`; a name as short as `数据局` is too generic to take a qualifier. */
const MIN_QUALIFIED_NAME_CHARS = 5;
/** `深圳市福田区数据局` is a local body, not the national `数据局`: a city, district or province qualifier never matches. */
const LOCAL_QUALIFIER = /[省市区县州]/;
/** `亚马逊云科技` is Amazon: a company name plus this many characters is proposed as the same company. */
const MAX_BRAND_SUFFIX_CHARS = 3;
/** `AI法案` is `欧盟AI法案` without its jurisdiction: a qualifier of at most this many characters. */
const MAX_QUALIFIER_CHARS = 4;
const STOP_WORDS = new Set(["of", "the", "and", "for", "on", "in", "to", "a", "an", "de"]);

export interface Resemblance {
  id: string;
  reason: string;
  score: number;
}

/** Letters and digits only, lower-cased, without the PRC prefix of Chinese statute names. */
export function nameKey(name: string): string {
  return normaliseName(name)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "")
    .replace(/^中华人民共和国/, "");
}

export function stripLegalForm(key: string): string {
  const stripped = key.replace(LEGAL_FORMS, "");
  return stripped.length >= 2 ? stripped : key;
}

/** `Seedance 3.0` is not `Seedance 2.0`: names with different numbers are different versions or years. */
const sameNumbers = (a: string, b: string) => (a.match(/\d+/g) ?? []).join(".") === (b.match(/\d+/g) ?? []).join(".");

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** `个保法` in `个人信息保护法`: in order, same first and last character, the full name at most three times longer. */
export function isChineseAbbreviation(short: string, full: string): boolean {
  if (short.length < 3 || short.length >= full.length || full.length > short.length * 3) return false;
  if (!/^[\u3400-\u9fff]+$/.test(short) || short[0] !== full[0] || short[short.length - 1] !== full[full.length - 1])
    return false;
  let j = 0;
  for (const ch of full) if (j < short.length && ch === short[j]) j++;
  return j === short.length;
}

/** `PIPL` for `Personal Information Protection Law`. */
export function isAcronymOf(acronym: string, name: string): boolean {
  if (!/^[A-Z]{2,8}$/.test(acronym)) return false;
  const initials = name
    .split(/[\s-]+/)
    .filter((w) => w && !STOP_WORDS.has(w.toLowerCase()) && /^[A-Za-z]/.test(w))
    .map((w) => w[0].toUpperCase())
    .join("");
  return initials.length >= 2 && initials === acronym;
}

interface IndexedName {
  id: string;
  label: Label;
  raw: string;
  key: string;
  stripped: string;
}

const indexCache = new WeakMap<EntityDictionary, IndexedName[]>();

function indexNames(dict: EntityDictionary): IndexedName[] {
  let index = indexCache.get(dict);
  if (!index) {
    index = [];
    for (const e of dict.entities.values()) {
      if (e.label === "Source") continue;
      for (const raw of [e.nameZh, e.nameEn, ...e.aliases]) {
        if (!raw) continue;
        const key = nameKey(raw);
        if (key.length >= 2) index.push({ id: e.id, label: e.label, raw, key, stripped: stripLegalForm(key) });
      }
    }
    indexCache.set(dict, index);
  }
  return index;
}

/** The existing entity a new one (its names, its label) most likely is, if any. */
export function findResemblance(dict: EntityDictionary, label: Label, names: string[]): Resemblance | undefined {
  const index = indexNames(dict);
  let best: Resemblance | undefined;
  const offer = (r: Resemblance) => {
    if (!best || r.score > best.score) best = r;
  };
  for (const name of names) {
    const key = nameKey(name);
    if (key.length < 2) continue;
    const stripped = stripLegalForm(key);
    for (const n of index) {
      if (n.key === key) {
        offer({ id: n.id, score: n.label === label ? 0.95 : 0.8, reason: `same name as '${n.raw}'` });
        continue;
      }
      if (n.label !== label) continue;
      if (n.stripped === stripped)
        offer({ id: n.id, score: 0.9, reason: `same name as '${n.raw}' apart from the legal form` });
      else if (
        stripped.length > n.stripped.length &&
        n.stripped.length >= MIN_QUALIFIED_NAME_CHARS &&
        stripped.endsWith(n.stripped) &&
        !LOCAL_QUALIFIER.test(stripped.slice(0, -n.stripped.length))
      ) {
        offer({ id: n.id, score: 0.75, reason: `'${name}' is '${n.raw}' with a qualifier` });
      } else if (
        label === "Company" &&
        stripped.startsWith(n.stripped) &&
        n.stripped.length >= 2 &&
        stripped.length - n.stripped.length <= MAX_BRAND_SUFFIX_CHARS
      ) {
        offer({ id: n.id, score: 0.7, reason: `'${name}' is '${n.raw}' with a business name (a brand or subsidiary)` });
      } else if (
        n.stripped.length > stripped.length &&
        stripped.length >= 4 &&
        n.stripped.endsWith(stripped) &&
        n.stripped.length - stripped.length <= MAX_QUALIFIER_CHARS
      ) {
        offer({ id: n.id, score: 0.7, reason: `'${name}' is '${n.raw}' without its qualifier` });
      } else if (key.length >= 6 && n.key.length >= 6 && sameNumbers(key, n.key) && editDistanceAtMostOne(key, n.key)) {
        offer({ id: n.id, score: 0.7, reason: `one character away from '${n.raw}'` });
      } else if (isChineseAbbreviation(stripped, n.stripped) || isAcronymOf(name.trim(), n.raw)) {
        offer({ id: n.id, score: 0.6, reason: `'${name}' looks like an abbreviation of '${n.raw}'` });
      }
    }
  }
  return best;
}
