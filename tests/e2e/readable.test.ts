/**
 * The explorer reads like a map, in either language: the first view at 1440x900 and 1280x800, in English and in
 * Chinese, labels the main laws, regulators and companies with no two labels overlapping and none cut by the canvas
 * edge or in the middle of a word (measured on the labels sigma actually drew: its displayed-label list, each
 * node's display position mapped to the viewport, the side the label is drawn on, and the label's width in sigma's
 * own label font); the Chinese
 * interface shows no English sentence except names and quotes tagged as English; the layout is the same from one
 * load to the next even without the cached copy; what's new opens on events. Screenshots go to
 * artifacts/screenshots/ (first-view-<lang>-<width>x<height>.png).
 */
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../src/app.js";
import { PROJECT_ROOT } from "../../src/config.js";
import type { Db } from "../../src/db/driver.js";
import { loadSeedGraph } from "../../src/seed/load.js";
import { validateSeed } from "../../src/seed/validate.js";
import { ensureWebBuilt, openBrowser, WEB_DIST, type Session } from "../support/browser.js";
import { testDb } from "../support/db.js";

const SCREENSHOTS = path.join(PROJECT_ROOT, "artifacts", "screenshots");
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
] as const;
/** Entities a lawyer looks for first: they must carry a label in the first view. */
const LANDMARKS = ["law:eu-gdpr", "law:eu-ai-act", "law:cn-pipl", "regulator:cn-cac"];

let db: Db;
let server: Server;
let base = "";
let session: Session;

type LabelBox = { node: string; type: string; text: string; x: number; y: number; w: number; h: number };

/** A real page load, then waits until the graph is drawn and sigma's label choice has settled. */
async function open(page: Page, hash: string): Promise<void> {
  await page.goto("about:blank");
  await page.goto(`${base}/${hash}`);
  await page.waitForFunction(
    () => {
      const e = (window as unknown as { __explorer?: { graph: { order: number }; state: { layoutRunning: boolean } } })
        .__explorer;
      return !!e && e.graph.order > 0 && !e.state.layoutRunning;
    },
    null,
    { timeout: 30_000 },
  );
  let last = "";
  await expect
    .poll(
      async () => {
        const now = JSON.stringify(await labelBoxes(page));
        const stable = now === last && now !== "[]";
        last = now;
        return stable;
      },
      { timeout: 20_000, interval: 400 },
    )
    .toBe(true);
}

/** The boxes of the labels sigma drew, in viewport pixels, as its drawDiscNodeLabel places them. */
function labelBoxes(page: Page): Promise<LabelBox[]> {
  return page.evaluate(() => {
    type S = {
      getNodeDisplayedLabels: () => Set<string>;
      getNodeDisplayData: (
        n: string,
      ) =>
        { x: number; y: number; size: number; label: string | null; hidden?: boolean; labelSide?: string } | undefined;
      framedGraphToViewport: (p: { x: number; y: number }) => { x: number; y: number };
      scaleSize: (s: number) => number;
      getSetting: (k: string) => unknown;
    };
    const e = (
      window as unknown as { __explorer: { sigma: S; graph: { getNodeAttribute: (n: string, k: string) => unknown } } }
    ).__explorer;
    const s = e.sigma;
    const size = s.getSetting("labelSize") as number;
    const ctx = document.createElement("canvas").getContext("2d")!;
    ctx.font = `${s.getSetting("labelWeight")} ${size}px ${s.getSetting("labelFont")}`;
    return [...s.getNodeDisplayedLabels()]
      .map((node) => {
        const d = s.getNodeDisplayData(node)!;
        if (!d.label) return null;
        const p = s.framedGraphToViewport(d);
        const r = s.scaleSize(d.size);
        const w = ctx.measureText(d.label).width;
        // Sigma draws a label right of its disc; the explorer's label function draws it left where it says so.
        const x = d.labelSide === "left" ? p.x - r - 3 - w : p.x + r + 3;
        return {
          node,
          type: String(e.graph.getNodeAttribute(node, "type")),
          text: d.label,
          x,
          y: p.y - size / 2,
          w,
          h: size,
        };
      })
      .filter((b): b is LabelBox => b !== null);
  });
}

function overlapping(boxes: LabelBox[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
        out.push(`"${a.text}" × "${b.text}"`);
    }
  return out;
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  db = testDb();
  await loadSeedGraph(db, validateSeed().graph);
  ensureWebBuilt();
  const app = createApp({ db, options: { webDir: WEB_DIST } });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  session = await openBrowser({ width: 1440, height: 900 });
}, 300_000);

afterAll(async () => {
  await session?.close();
  await new Promise((resolve) => server?.close(resolve));
  await db?.close();
});

describe("a readable first view", () => {
  for (const lang of ["en", "zh"] as const)
    for (const { width, height } of SIZES)
      it(`labels the main laws, regulators and companies without overlap or cuts (${lang}, ${width}x${height})`, async () => {
        const page = session.page;
        await page.setViewportSize({ width, height });
        await open(page, `#/explore?lang=${lang}`);
        await page.screenshot({ path: path.join(SCREENSHOTS, `first-view-${lang}-${width}x${height}.png`) });
        const boxes = await labelBoxes(page);
        const canvas = await page.getByTestId("graph").boundingBox();
        expect(overlapping(boxes)).toEqual([]);
        const outside = boxes
          .filter((b) => b.x < 0 || b.y < 0 || b.x + b.w > canvas!.width || b.y + b.h > canvas!.height)
          .map((b) => b.text);
        expect(outside).toEqual([]);
        const labelled = new Set(boxes.map((b) => b.node));
        const missing = LANDMARKS.filter((n) => !labelled.has(n));
        if (missing.length) {
          // Say why: where the missing label would go, and which drawn labels it would meet.
          const why = await page.evaluate((ids) => {
            type S = {
              getNodeDisplayData: (n: string) => {
                x: number;
                y: number;
                size: number;
                label: string | null;
                hidden?: boolean;
              };
              framedGraphToViewport: (p: { x: number; y: number }) => { x: number; y: number };
              scaleSize: (s: number) => number;
            };
            const e = (window as unknown as { __explorer: { sigma: S } }).__explorer;
            return ids.map((id) => {
              const d = e.sigma.getNodeDisplayData(id);
              const p = e.sigma.framedGraphToViewport(d);
              return { id, x: p.x, y: p.y, r: e.sigma.scaleSize(d.size), hidden: d.hidden };
            });
          }, missing);
          const explained = await page.evaluate(
            (ids) =>
              ids.map((id) =>
                (window as unknown as { __explorer: { explainLabel: (n: string) => unknown } }).__explorer.explainLabel(
                  id,
                ),
              ),
            missing,
          );
          const near = why.map((m, i) => ({
            ...m,
            explained: explained[i],
            near: boxes
              .filter((b) => Math.abs(b.y - m.y) < 20 && b.x < m.x + m.r + 80 && b.x + b.w > m.x)
              .map((b) => b.text),
          }));
          expect(near).toEqual([]);
        }
        expect(boxes.filter((b) => b.type === "Company").length).toBeGreaterThanOrEqual(5);
        expect(boxes.filter((b) => b.type === "Regulator").length).toBeGreaterThanOrEqual(3);
        expect(boxes.length).toBeGreaterThanOrEqual(30);
        // A shortened label ends on a whole word of the name: never "Ruling i…".
        const names = await page.evaluate(
          (ids) =>
            ids.map((id) => {
              const g = (
                window as unknown as {
                  __explorer: { graph: { getNodeAttributes: (n: string) => Record<string, unknown> } };
                }
              ).__explorer.graph;
              const a = g.getNodeAttributes(id);
              return [a.nameEn, a.nameZh].filter((x): x is string => typeof x === "string");
            }),
          boxes.map((b) => b.node),
        );
        boxes.forEach((b, i) => {
          if (!b.text.endsWith("…")) return;
          const stem = b.text.slice(0, -1);
          const name = names[i].find((n) => n.startsWith(stem));
          expect(name, `"${b.text}" is a prefix of its name`).toBeDefined();
          expect(
            /[\s,:;(（]/.test(name![stem.length] ?? " "),
            `"${b.text}" is cut at a word boundary of "${name}"`,
          ).toBe(true);
        });
        // The shown labels are the short ones lawyers use.
        const gdpr = boxes.find((b) => b.node === "law:eu-gdpr")!;
        expect(gdpr.text).toBe("GDPR");
        if (lang === "zh") expect(boxes.find((b) => b.node === "regulator:cn-cac")!.text).toBe("网信办");
        expect(session.problems).toEqual([]);
      });

  it("lays the seed graph out the same way on a load without the cached layout", async () => {
    const page = session.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    await open(page, "#/explore?lang=en");
    const positions = () =>
      page.evaluate(() => {
        const g = (
          window as unknown as { __explorer: { graph: { getNodeAttributes: (n: string) => { x: number; y: number } } } }
        ).__explorer.graph;
        return ["law:eu-gdpr", "regulator:cn-cac", "company:bytedance"]
          .map((n) => g.getNodeAttributes(n))
          .map((a) => [a.x, a.y]);
      });
    const before = await positions();
    await page.evaluate(() => localStorage.clear());
    await open(page, "#/explore?lang=en");
    const after = await positions();
    before.forEach(([x, y], i) => {
      expect(after[i][0]).toBeCloseTo(x, 1);
      expect(after[i][1]).toBeCloseTo(y, 1);
    });
  });
});

/**
 * The visible text of an element, minus what is tagged as another language (`lang="en"`: names that have no Chinese
 * form, quotes) and code (ids, Cypher): what a Chinese reader is asked to read.
 */
function untaggedLatinSentences(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    const SENTENCE = /[A-Za-z]{2,}[,;]?\s+[A-Za-z]{2,}[,;]?\s+[A-Za-z]{2,}/;
    for (const root of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (!el.checkVisibility?.() && el.offsetParent === null) continue;
        if (el.closest("[lang]:not(html)")?.getAttribute("lang")?.startsWith("en")) continue;
        if (el.closest("code, pre, .cm-editor, input, textarea, option")) continue;
        const text = n.textContent?.trim() ?? "";
        // A Chinese sentence may name things in Latin letters ("荷兰数据保护局（Autoriteit Persoonsgegevens, AP）发布了…"):
        // Latin words with (almost) no Chinese around them make an English sentence.
        const han = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
        if (SENTENCE.test(text) && han < 4) out.push(text);
      }
    }
    return out;
  }, selector);
}

describe("the Chinese interface", () => {
  it("shows no English sentence in the first view, a dossier, the regime view and what's new", async () => {
    const page = session.page;
    await page.setViewportSize({ width: 1440, height: 900 });
    await open(page, "#/explore?lang=zh");
    expect(await untaggedLatinSentences(page, ".topbar, .sidebar-left, .sidebar-right, .statusbar")).toEqual([]);
    await open(page, "#/explore?lang=zh&sel=law:eu-gdpr");
    await expect
      .poll(() => page.getByTestId("dossier-title").textContent(), { timeout: 20_000 })
      .toBe("通用数据保护条例");
    expect(await untaggedLatinSentences(page, ".sidebar-right")).toEqual([]);
    await page.goto(`${base}/#/regimes?laws=law:eu-gdpr,law:eu-ai-act,law:cn-aigc-labeling&lang=zh`);
    await page.locator(".pair").first().waitFor({ timeout: 30_000 });
    expect(await untaggedLatinSentences(page, ".sidebar-right")).toEqual([]);
    await page.goto(`${base}/#/whatsnew?lang=zh`);
    await page.getByTestId("whatsnew-event").first().waitFor({ timeout: 30_000 });
    expect(await untaggedLatinSentences(page, ".whatsnew-page")).toEqual([]);
  });
});

describe("currency", () => {
  it("says how current the data is, and what's new opens on the latest events of the data", async () => {
    const page = session.page;
    await open(page, "#/explore?lang=en");
    const badge = await page.getByTestId("data-current").textContent();
    expect(badge).toMatch(/\d{4}-\d{2}-\d{2}/);
    await page.goto(`${base}/#/whatsnew`);
    await page.getByTestId("whatsnew-event").first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("whatsnew-event").count()).toBeGreaterThan(0);
    // The window is the last 30 days of the data: it ends on the badge's date.
    const since = await page.getByTestId("whatsnew-since").inputValue();
    const current = badge!.match(/\d{4}-\d{2}-\d{2}/)![0];
    expect(Date.parse(current) - Date.parse(since)).toBe(30 * 86_400_000);
    // The Atom feed's entries link to a relationship's evidence: such a link opens its quote in the explorer.
    expect(await page.getByTestId("whatsnew-feed").getAttribute("href")).toMatch(/^\/api\/whatsnew\.atom/);
    const first = page.getByTestId("whatsnew-event").first();
    const [rel, type] = [await first.getAttribute("data-rel"), await first.getAttribute("data-type")];
    await page.goto(`${base}/#/explore?edge=${encodeURIComponent(rel!)}&edgeType=${type}&lang=en`);
    await page.getByTestId("quote").first().waitFor({ timeout: 30_000 });
    expect(session.problems).toEqual([]);
  });
});
