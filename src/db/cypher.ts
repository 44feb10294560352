/**
 * Cypher lives in `cypher/` files, one statement per file, loaded by name (`cypher("load/merge-nodes")`). A file opens
 * with comments giving its title, description and parameters; those comments are parsed for the saved-query list.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { PROJECT_ROOT } from "../config.js";

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

/** Names (without extension) of the `.cypher` files in a folder of `cypher/`, sorted. */
export function cypherNames(folder: string): string[] {
  const dir = path.join(CYPHER_DIR, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".cypher"))
    .sort()
    .map((f) => `${folder}/${f.slice(0, -".cypher".length)}`);
}
