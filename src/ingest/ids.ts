/**
 * Ids for what the ingest command creates: readable `<prefix>:<kebab-slug>` ids from an English name when there is
 * one, otherwise from the Latin part of the name, otherwise `zh-` and a short hash of the Chinese name (the model's
 * ids are ASCII). An id is never one the graph or this run already uses.
 */
import { createHash } from "node:crypto";

import { ID_PREFIX, type Label } from "../model/index.js";

const MAX_SLUG_CHARS = 60;

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_CHARS)
    .replace(/-+$/g, "");
}

export function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 8);
}

/** The slug part of an existing id (`gb-ico` for `regulator:gb-ico`). */
export const slugOf = (id: string) => id.slice(id.indexOf(":") + 1);

/** A fresh id for an entity of `label` named `names`, unique against `taken` (which it extends). */
export function newEntityId(label: Label, names: { nameEn?: string; nameZh?: string }, taken: Set<string>): string {
  const latin = names.nameEn ?? names.nameZh?.match(/[A-Za-z][A-Za-z0-9 .-]{2,}/)?.[0];
  let slug = latin ? slugify(latin) : "";
  if (slug.length < 3) slug = `zh-${shortHash(names.nameZh ?? names.nameEn ?? "")}`;
  return uniqueId(`${ID_PREFIX[label]}:${slug}`, taken);
}

export function uniqueId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}-${n}`;
  taken.add(candidate);
  return candidate;
}
