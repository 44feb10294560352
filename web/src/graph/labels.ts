/**
 * Canvas labels a lawyer can read: the short name an entity is known by (`GDPR`, `AI Act`, `标识办法`), and a
 * placement that never lets two labels overlap or run off the canvas. Sigma's own density grid keeps one label per
 * cell but lets neighbouring cells collide; here labels are chosen greedily by importance (the focus first, then
 * laws and regulators, then companies, then the rest by degree), each measured with the font sigma draws it in and
 * kept only where its box is free. The reducers then force exactly the chosen labels and blank the others.
 */
import type Sigma from "sigma";

import type { Lang } from "../../../src/model/wire.js";
import type { NodeAttrs } from "../types.js";
import { LABEL_FONT_SIZE, LABEL_FONT_WEIGHT, FONT_STACK } from "./settings.js";

/** A canvas label longer than this is shortened at a word boundary (the full name shows on hover and in the dossier). */
export const MAX_LABEL_CHARS = 26;
/** Chinese has no spaces to cut at: a Chinese name longer than this loses its parenthetical, else stays whole. */
const MAX_ZH_LABEL_CHARS = 14;
/** Pixels kept free around each label box, so that neighbouring labels do not touch. */
const LABEL_MARGIN = 3;
/** Sigma draws a label this far right of the node's disc (drawDiscNodeLabel). */
const LABEL_OFFSET = 3;
/** Words a shortened English label must not end on ("Measures for…" rather than "Measures for the…"). */
const TRAILING_STOP_WORDS = /\s+(of|the|for|and|on|in|to|a|an|by|with|de|des|la)$/i;
const CJK = /[\u3400-\u9fff]/;

/** Node types drawn first, in this order; the rest follow by degree. */
const TYPE_RANK: Record<string, number> = {
  Law: 0,
  Regulator: 0,
  Company: 1,
  Court: 2,
  Case: 2,
  Model: 3,
  Organization: 3,
};

function str(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() ? v.trim() : undefined;
}

/** The entity's name in the language, and whether it had to fall back to the other language's name. */
export function nameIn(
  lang: Lang,
  a: { nameEn?: unknown; nameZh?: unknown; label?: unknown; id?: unknown },
): { text: string; fallback: Lang | null } {
  const en = str(a.nameEn);
  const zh = str(a.nameZh);
  if (lang === "zh")
    return zh
      ? { text: zh, fallback: null }
      : { text: en ?? String(a.label ?? a.id ?? ""), fallback: en ? "en" : null };
  return en ? { text: en, fallback: null } : { text: zh ?? String(a.label ?? a.id ?? ""), fallback: zh ? "zh" : null };
}

/** Cuts an English name at the last word boundary that fits, never inside a word. */
export function cutAtWord(text: string, max = MAX_LABEL_CHARS): string {
  if ([...text].length <= max) return text;
  // A parenthesis is an aside: "Fu fraud case (accomplice…" reads worse than "Fu fraud case…".
  const paren = text.search(/\s[(（]/);
  if (paren > max / 3 && paren <= max) return `${text.slice(0, paren).replace(/[\s,:;–—-]+$/, "")}…`;
  let cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  if (space > max / 3) cut = cut.slice(0, space);
  cut = cut.replace(/[\s,:;(–—-]+$/, "");
  while (TRAILING_STOP_WORDS.test(cut)) cut = cut.replace(TRAILING_STOP_WORDS, "");
  return `${cut}…`;
}

/**
 * The label drawn on the canvas: the entity's short name in the language; else, for a long name, its shortest alias
 * written in the language's script; else the name, shortened at a word boundary.
 */
export function shortLabel(lang: Lang, a: Record<string, unknown>): string {
  const short = lang === "zh" ? (str(a.shortNameZh) ?? str(a.shortName)) : str(a.shortName);
  if (short) return short;
  const { text } = nameIn(lang, a);
  const long = lang === "zh" && CJK.test(text) ? [...text].length > MAX_ZH_LABEL_CHARS : text.length > MAX_LABEL_CHARS;
  if (!long) return text;
  const aliases = Array.isArray(a.aliases) ? a.aliases.filter((x): x is string => typeof x === "string") : [];
  const sameScript = aliases.filter(
    (x) => (lang === "zh" ? CJK.test(x) : !CJK.test(x)) && x.length >= 2 && !/[《》]/.test(x),
  );
  const alias = sameScript.sort((x, y) => x.length - y.length || x.localeCompare(y))[0];
  if (alias && [...alias].length < [...text].length) return alias;
  if (lang === "zh" && CJK.test(text)) {
    const bare = text.replace(/[（(][^）)]*[）)]/g, "").trim();
    return bare || text;
  }
  return cutAtWord(text);
}

/**
 * How a node ranks for a label: lower first. An entity with a curated short name (the seed gives one to the main laws
 * and regulators) comes before the rest of its type.
 */
export function labelRank(type: string, degree: number, curated = false): number {
  return (TYPE_RANK[type] ?? 4) * 2_000_000 - (curated ? 1_000_000 : 0) - Math.min(degree, 999_999);
}

let measureCtx: CanvasRenderingContext2D | null = null;
const widthCache = new Map<string, number>();

/** The width in pixels of a label in sigma's label font. */
export function labelWidth(text: string): number {
  const cached = widthCache.get(text);
  if (cached !== undefined) return cached;
  measureCtx ??= document.createElement("canvas").getContext("2d");
  if (!measureCtx) return text.length * LABEL_FONT_SIZE * 0.6;
  measureCtx.font = `${LABEL_FONT_WEIGHT} ${LABEL_FONT_SIZE}px ${FONT_STACK}`;
  const w = measureCtx.measureText(text).width;
  if (widthCache.size > 5_000) widthCache.clear();
  widthCache.set(text, w);
  return w;
}

export interface LabelBox {
  node: string;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The box a node's label fills, in viewport pixels, right of the disc (as sigma places it) or left of it. */
export function labelBox(sigma: Sigma, node: string, text: string, side: LabelSide = "right"): LabelBox | null {
  const d = sigma.getNodeDisplayData(node);
  if (!d || d.hidden) return null;
  const p = sigma.framedGraphToViewport(d);
  const r = sigma.scaleSize(d.size);
  const width = labelWidth(text);
  const x = side === "right" ? p.x + r + LABEL_OFFSET : p.x - r - LABEL_OFFSET - width;
  return { node, text, x, y: p.y - LABEL_FONT_SIZE / 2 - 1, width, height: LABEL_FONT_SIZE + 2 };
}

export type LabelSide = "right" | "left";

function overlaps(a: LabelBox, b: LabelBox): boolean {
  const m = LABEL_MARGIN;
  return a.x < b.x + b.width + m && b.x < a.x + a.width + m && a.y < b.y + b.height + m && b.y < a.y + a.height + m;
}

/**
 * Chooses the labels to draw and their side: candidates in the given order, each kept right of its disc (sigma's
 * place), else left of it, where the box lies inside the canvas and overlaps no label kept before it. A spatial hash
 * of 64 px cells keeps this linear in practice.
 */
export function chooseLabels(sigma: Sigma, candidates: { node: string; text: string }[]): Map<string, LabelSide> {
  const { width, height } = sigma.getDimensions();
  const CELL = 64;
  const grid = new Map<string, LabelBox[]>();
  const cells = (b: LabelBox) => {
    const out: string[] = [];
    for (let cx = Math.floor(b.x / CELL); cx <= Math.floor((b.x + b.width) / CELL); cx++)
      for (let cy = Math.floor(b.y / CELL); cy <= Math.floor((b.y + b.height) / CELL); cy++) out.push(`${cx},${cy}`);
    return out;
  };
  const free = (b: LabelBox | null): b is LabelBox =>
    !!b &&
    b.x >= 0 &&
    b.y >= 0 &&
    b.x + b.width <= width &&
    b.y + b.height <= height &&
    !cells(b).some((k) => grid.get(k)?.some((o) => overlaps(o, b)));
  const kept = new Map<string, LabelSide>();
  for (const c of candidates) {
    if (!c.text) continue;
    let side: LabelSide = "right";
    let b = labelBox(sigma, c.node, c.text, side);
    if (!free(b)) {
      side = "left";
      b = labelBox(sigma, c.node, c.text, side);
      if (!free(b)) continue;
    }
    for (const k of cells(b!)) {
      if (!grid.has(k)) grid.set(k, []);
      grid.get(k)!.push(b!);
    }
    kept.set(c.node, side);
  }
  return kept;
}

/**
 * Sigma's label drawing (drawDiscNodeLabel), on the side the label was given: a label that would run off the canvas
 * or into another on the right goes to the left of its disc.
 */
export function drawNodeLabel(
  context: CanvasRenderingContext2D,
  data: { label: string | null; x: number; y: number; size: number; labelSide?: LabelSide; [k: string]: unknown },
  settings: {
    labelSize: number;
    labelFont: string;
    labelWeight: string;
    labelColor: { color?: string; attribute?: string };
  },
): void {
  if (!data.label) return;
  const size = settings.labelSize;
  const color = settings.labelColor.attribute
    ? String(data[settings.labelColor.attribute] ?? settings.labelColor.color ?? "#000")
    : (settings.labelColor.color ?? "#000");
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const x =
    data.labelSide === "left"
      ? data.x - data.size - LABEL_OFFSET - context.measureText(data.label).width
      : data.x + data.size + LABEL_OFFSET;
  // A white halo keeps a label legible where it crosses edges or another entity's disc.
  context.strokeStyle = "rgba(255, 255, 255, 0.9)";
  context.lineWidth = 3;
  context.lineJoin = "round";
  context.strokeText(data.label, x, data.y + size / 3);
  context.fillStyle = color;
  context.fillText(data.label, x, data.y + size / 3);
}

/** Whether a node's type is one the reader should always find labelled first. */
export function isLandmark(a: NodeAttrs): boolean {
  return a.type === "Law" || a.type === "Regulator";
}
