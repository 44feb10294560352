/**
 * Makes the Chinese text of a Chromium PDF searchable and copyable. Noto Sans CJK draws a CJK radical and the
 * ideograph it looks like with one glyph (⻛ U+2EDB and 风 U+98CE, ⼈ U+2F08 and 人 U+4EBA); Chromium's PDF writer
 * maps each glyph back to the lowest code point that uses it, so "风险" would be extracted, searched and copied as
 * "⻛险". This rewrites the ToUnicode maps so that such glyphs map to the ideograph, found in the font's own cmap (the
 * other code point of the same glyph), and appends the fixed maps as an incremental update: the original bytes and
 * drawing are untouched. Briefing text never holds a radical of its own, so nothing is lost.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { deflateSync, inflateSync } from "node:zlib";

/** CJK Radicals Supplement and Kangxi Radicals. */
const RADICALS: [number, number] = [0x2e80, 0x2fdf];
/** Where the ideographs are looked for, in order of preference. */
const IDEOGRAPHS: [number, number][] = [
  [0x4e00, 0x9fff],
  [0x3400, 0x4dbf],
  [0xf900, 0xfaff],
  [0x20000, 0x3134f],
];
const CJK_FAMILY = "Noto Sans CJK SC";
const BFCHAR_BLOCK = 100;

const isRadical = (cp: number) => cp >= RADICALS[0] && cp <= RADICALS[1];

/** The font file and face index fontconfig picks for a family. */
function fontFile(family: string): { file: string; index: number } | undefined {
  const res = spawnSync("fc-match", ["-f", "%{file}\n%{index}", family], { encoding: "utf8" });
  if (res.status !== 0) return undefined;
  const [file, index] = res.stdout.split("\n");
  return file && existsSync(file) ? { file, index: Number(index) || 0 } : undefined;
}

/** Radical code point → ideograph drawn with the same glyph, from the font's format-12 (or format-4) cmap. */
export function radicalEquivalents(file: string, faceIndex = 0): Map<number, number> {
  const buf = readFileSync(file);
  let face = 0;
  if (buf.toString("latin1", 0, 4) === "ttcf")
    face = buf.readUInt32BE(12 + 4 * Math.min(faceIndex, buf.readUInt32BE(8) - 1));
  const numTables = buf.readUInt16BE(face + 4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = face + 12 + 16 * i;
    if (buf.toString("latin1", rec, rec + 4) === "cmap") cmap = buf.readUInt32BE(rec + 8);
  }
  if (cmap < 0) return new Map();
  const subtables = Array.from({ length: buf.readUInt16BE(cmap + 2) }, (_, i) => {
    const rec = cmap + 4 + 8 * i;
    return {
      platform: buf.readUInt16BE(rec),
      encoding: buf.readUInt16BE(rec + 2),
      offset: cmap + buf.readUInt32BE(rec + 4),
    };
  });
  const byGlyph = new Map<number, number[]>();
  const add = (cp: number, gid: number) => {
    if (gid === 0) return;
    const list = byGlyph.get(gid);
    if (list) list.push(cp);
    else byGlyph.set(gid, [cp]);
  };
  const full = subtables.find((s) => s.platform === 3 && s.encoding === 10 && buf.readUInt16BE(s.offset) === 12);
  const bmp = subtables.find((s) => s.platform === 3 && s.encoding === 1 && buf.readUInt16BE(s.offset) === 4);
  if (full) {
    const groups = buf.readUInt32BE(full.offset + 12);
    for (let g = 0; g < groups; g++) {
      const at = full.offset + 16 + 12 * g;
      const [start, end, glyph] = [buf.readUInt32BE(at), buf.readUInt32BE(at + 4), buf.readUInt32BE(at + 8)];
      for (let cp = start; cp <= end; cp++) add(cp, glyph + cp - start);
    }
  } else if (bmp) {
    const segs = buf.readUInt16BE(bmp.offset + 6) / 2;
    const ends = bmp.offset + 14;
    const starts = ends + 2 * segs + 2;
    const deltas = starts + 2 * segs;
    const ranges = deltas + 2 * segs;
    for (let s = 0; s < segs; s++) {
      const [start, end, delta, rangeOffset] = [
        buf.readUInt16BE(starts + 2 * s),
        buf.readUInt16BE(ends + 2 * s),
        buf.readInt16BE(deltas + 2 * s),
        buf.readUInt16BE(ranges + 2 * s),
      ];
      for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
        if (rangeOffset === 0) add(cp, (cp + delta) & 0xffff);
        else {
          const at = ranges + 2 * s + rangeOffset + 2 * (cp - start);
          const gid = buf.readUInt16BE(at);
          add(cp, gid === 0 ? 0 : (gid + delta) & 0xffff);
        }
      }
    }
  }
  const out = new Map<number, number>();
  for (const cps of byGlyph.values()) {
    const radicals = cps.filter(isRadical);
    if (!radicals.length) continue;
    const ideograph = IDEOGRAPHS.map(([lo, hi]) => cps.find((cp) => cp >= lo && cp <= hi)).find(
      (cp) => cp !== undefined,
    );
    if (ideograph !== undefined) for (const r of radicals) out.set(r, ideograph);
  }
  return out;
}

let cached: Map<number, number> | undefined;
/** The radical → ideograph map of the CJK font, or NFKC (which covers the Kangxi radicals) when no font is found. */
function equivalents(): Map<number, number> {
  if (cached) return cached;
  const font = fontFile(CJK_FAMILY);
  let map = new Map<number, number>();
  try {
    if (font) map = radicalEquivalents(font.file, font.index);
  } catch {
    map = new Map();
  }
  for (let cp = 0x2f00; cp <= 0x2fd5; cp++) {
    if (!map.has(cp)) map.set(cp, String.fromCodePoint(cp).normalize("NFKC").codePointAt(0)!);
  }
  cached = map;
  return map;
}

const hexToString = (hex: string) => {
  const units: number[] = [];
  for (let i = 0; i < hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
};
const stringToHex = (s: string) =>
  [...s]
    .flatMap((ch) => {
      const cp = ch.codePointAt(0)!;
      return cp > 0xffff ? [0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)] : [cp];
    })
    .map((u) => u.toString(16).toUpperCase().padStart(4, "0"))
    .join("");
const addHex = (hex: string, n: number) => (parseInt(hex, 16) + n).toString(16).toUpperCase().padStart(hex.length, "0");

/** A ToUnicode CMap with every radical destination replaced; undefined when nothing needed a change. */
export function fixToUnicodeCmap(cmap: string, map: Map<number, number>): string | undefined {
  const head = cmap.indexOf("endcodespacerange");
  const foot = cmap.indexOf("endcmap");
  if (head < 0 || foot < 0) return undefined;
  const body = cmap.slice(head, foot);
  const entries: [string, string][] = [];
  for (const m of body.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const e of m[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) entries.push([e[1], e[2]]);
  }
  for (const m of body.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const e of m[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g)) {
      const [lo, hi] = [parseInt(e[1], 16), parseInt(e[2], 16)];
      const list = e[4] ? [...e[4].matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => x[1]) : undefined;
      for (let code = lo; code <= hi; code++) {
        const src = code.toString(16).toUpperCase().padStart(e[1].length, "0");
        entries.push([src, list ? list[code - lo] : addHex(e[3]!, code - lo)]);
      }
    }
  }
  let changed = false;
  const fixed = entries.map(([src, dst]): [string, string] => {
    const text = hexToString(dst);
    const cp = text.codePointAt(0)!;
    if (text.length === 1 && map.has(cp)) {
      changed = true;
      return [src, stringToHex(String.fromCodePoint(map.get(cp)!))];
    }
    return [src, dst];
  });
  if (!changed) return undefined;
  const blocks: string[] = [];
  for (let i = 0; i < fixed.length; i += BFCHAR_BLOCK) {
    const chunk = fixed.slice(i, i + BFCHAR_BLOCK);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map(([s, d]) => `<${s}> <${d}>`).join("\n")}\nendbfchar\n`);
  }
  return `${cmap.slice(0, head)}endcodespacerange\n${blocks.join("")}${cmap.slice(foot)}`;
}

/** The PDF with its ToUnicode maps fixed (an incremental update), or the same bytes when nothing needed fixing. */
export function fixCjkToUnicode(pdf: Buffer): Buffer {
  const text = pdf.toString("latin1");
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  const trailer = text.lastIndexOf("trailer");
  if (!startxref || trailer < 0) return pdf;
  const trailerDict = text.slice(trailer, text.indexOf(">>", trailer) + 2);
  const size = /\/Size (\d+)/.exec(trailerDict);
  const root = /\/Root (\d+ \d+ R)/.exec(trailerDict);
  const info = /\/Info (\d+ \d+ R)/.exec(trailerDict);
  if (!size || !root) return pdf;
  const map = equivalents();
  const objects: { num: number; body: Buffer }[] = [];
  for (const num of new Set([...text.matchAll(/\/ToUnicode (\d+) 0 R/g)].map((m) => Number(m[1])))) {
    const at = text.indexOf(`\n${num} 0 obj`);
    if (at < 0) continue;
    const streamAt = text.indexOf("stream", at);
    const dict = text.slice(at, streamAt);
    const length = /\/Length (\d+)(?!\s+\d+\s+R)/.exec(dict);
    if (!length) continue;
    let start = streamAt + "stream".length;
    if (text[start] === "\r") start++;
    if (text[start] === "\n") start++;
    const raw = pdf.subarray(start, start + Number(length[1]));
    let cmap: string;
    try {
      cmap = (dict.includes("/FlateDecode") ? inflateSync(raw) : raw).toString("latin1");
    } catch {
      continue;
    }
    const fixed = fixToUnicodeCmap(cmap, map);
    if (!fixed) continue;
    const data = deflateSync(Buffer.from(fixed, "latin1"));
    objects.push({
      num,
      body: Buffer.concat([
        Buffer.from(`${num} 0 obj\n<</Filter /FlateDecode\n/Length ${data.length}>> stream\n`, "latin1"),
        data,
        Buffer.from("\nendstream\nendobj\n", "latin1"),
      ]),
    });
  }
  if (!objects.length) return pdf;
  const parts: Buffer[] = [pdf, Buffer.from(pdf[pdf.length - 1] === 0x0a ? "" : "\n", "latin1")];
  let offset = parts[0].length + parts[1].length;
  const xref: string[] = ["xref"];
  for (const o of objects.sort((a, b) => a.num - b.num)) {
    parts.push(o.body);
    xref.push(`${o.num} 1`, `${String(offset).padStart(10, "0")} 00000 n `);
    offset += o.body.length;
  }
  const tail = `${xref.join("\n")}\ntrailer\n<</Size ${size[1]}\n/Root ${root[1]}${info ? `\n/Info ${info[1]}` : ""}\n/Prev ${startxref[1]}>>\nstartxref\n${offset}\n%%EOF\n`;
  parts.push(Buffer.from(tail, "latin1"));
  return Buffer.concat(parts);
}
