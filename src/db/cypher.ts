/**
 * Cypher lives in `cypher/` files, one statement per file, loaded by name (`cypher("load/merge-nodes")`). A file opens
 * with comments giving its title, description and parameters; those comments are parsed for the saved-query list.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { PROJECT_ROOT } from "../config.js";
import { RelType } from "../model/index.js";

export const CYPHER_DIR = path.join(PROJECT_ROOT, "cypher");
const cache = new Map<string, string>();

/** The text of `cypher/<name>.cypher`; throws if the file does not exist. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    const file = path.join(CYPHER_DIR, `${name}.cypher`);
    if (!existsSync(file)) throw new Error(`cypher/${name}.cypher does not exist`);
    text = readFileSync(file, "utf8");
    cache.set(name, text);
  }
  return text;
}

/**
 * The text of a statement written for one relationship type, with `REL_TYPE` replaced by `type`. Cypher takes no
 * parameter for a type in a pattern, and a dynamic type (`$($type)`) keeps the planner from the per-type index; the
 * type is checked against the model's closed list here, so nothing else can reach the query text.
 */
export function relationshipCypher(name: string, type: string): string {
  return cypher(name).replaceAll("REL_TYPE", RelType.parse(type));
}

/** Names (without extension) of the `.cypher` files in a folder of `cypher/`, sorted. */
export function cypherNames(folder: string): string[] {
  const dir = path.join(CYPHER_DIR, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".cypher"))
    .sort()
    .map((f) => `${folder}/${f.slice(0, -".cypher".length)}`);
}
