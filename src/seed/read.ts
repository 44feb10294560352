/**
 * Reads seed files (JSON or YAML) from one or more folders, parses them with the zod model and reports every problem
 * with its file and path. Nothing here touches the database.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import type { z } from "zod";

import type { SeedProblem } from "../errors.js";
import { SeedFile } from "../model/index.js";

export interface ParsedSeedFile {
  file: string;
  data: SeedFile;
}

const SEED_EXTENSIONS = [".json", ".yaml", ".yml"];
const MAX_SEED_FILE_BYTES = 50 * 1024 * 1024;

/** Every seed file below the given paths (files or folders), sorted, skipping generated schema files. */
export function listSeedFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(path.join(p, name));
    } else if (SEED_EXTENSIONS.includes(path.extname(p)) && !p.endsWith(".schema.json")) {
      out.push(p);
    }
  };
  for (const p of paths) walk(p);
  return out;
}

export function formatZodPath(p: readonly PropertyKey[]): string {
  return p.map((k, i) => (typeof k === "number" ? `[${k}]` : `${i ? "." : ""}${String(k)}`)).join("");
}

export function zodProblems(file: string, error: z.ZodError, prefix = ""): SeedProblem[] {
  return error.issues.map((issue) => ({
    file,
    path: prefix + formatZodPath(issue.path),
    message: issue.message,
  }));
}

/** Parses one file's text; returns the parsed data or the problems found. */
export function parseSeedText(file: string, text: string): { data?: SeedFile; problems: SeedProblem[] } {
  if (text.includes("\uFFFD")) {
    return { problems: [{ file, path: "", message: "the file is not valid UTF-8 (it contains replacement characters)" }] };
  }
  let raw: unknown;
  try {
    raw = file.endsWith(".json") ? JSON.parse(text) : YAML.parse(text);
  } catch (err) {
    return { problems: [{ file, path: "", message: `not valid ${file.endsWith(".json") ? "JSON" : "YAML"}: ${(err as Error).message}` }] };
  }
  const parsed = SeedFile.safeParse(raw);
  if (!parsed.success) return { problems: zodProblems(file, parsed.error) };
  return { data: parsed.data, problems: [] };
}

export function readSeedFiles(files: string[], relativeTo: string): { files: ParsedSeedFile[]; problems: SeedProblem[] } {
  const parsed: ParsedSeedFile[] = [];
  const problems: SeedProblem[] = [];
  for (const abs of files) {
    const file = path.relative(relativeTo, abs) || abs;
    const size = statSync(abs).size;
    if (size > MAX_SEED_FILE_BYTES) {
      problems.push({ file, path: "", message: `the file is ${size} bytes; seed files are limited to ${MAX_SEED_FILE_BYTES}` });
      continue;
    }
    const result = parseSeedText(file, readFileSync(abs, "utf8"));
    problems.push(...result.problems);
    if (result.data) parsed.push({ file, data: result.data });
  }
  return { files: parsed, problems };
}
