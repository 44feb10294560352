/**
 * The explorer end to end: the real express app (createApp) against the test Neo4j loaded with the seed graph,
 * the built web/dist, and headless Chromium. Each scenario asserts what a lawyer sees: the nodes sigma renders,
 * panel text, the URL. Screenshots of the first view, a dossier, the regime view and the console go to
 * artifacts/screenshots/.
 */
import { mkdirSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Server } from "node:http";

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
const REGIMES = ["law:eu-gdpr", "law:eu-ai-act", "law:cn-aigc-labeling"];
const DIM_NODE_COLOR = "#e4e7eb";

let db: Db;
let server: Server;
let base = "";
let session: Session;
let overviewCount = 0;

/** What the page's test hook reports. */
type Hook = {
  graph: {
    order: number;
    size: number;
    hasNode: (id: string) => boolean;
    nodes: () => string[];
    getNodeAttributes: (id: string) => Record<string, unknown>;
    forEachEdge: (cb: (e: string, a: Record<string, unknown>, s: string, t: string) => void) => void;
    neighbors: (id: string) => string[];
  };
  sigma: {
    getNodeDisplayData: (id: string) => { hidden: boolean; color: string; label: string; x: number; y: number; size: number } | undefined;
    framedGraphToViewport: (p: { x: number; y: number }) => { x: number; y: number };
    getContainer: () => HTMLElement;
  };
  state: { layoutRunning: boolean; selected: string | null; highlight: { nodes: Set<string> } | null; viewData: Record<string, unknown> };
  visibleNodeCount: () => number;
  renderedNodes: () => string[];
};
declare global {
  interface Window {
    __explorer?: Hook;
    __xss?: unknown;
  }
}

/** expect.poll with room for a layout or a query to finish. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000, interval: 100 });

/** A real page load (never a same-document hash change), then waits until the graph is drawn and laid out. */
async function open(page: Page, hash = ""): Promise<void> {
  await page.goto("about:blank");
  await page.goto(`${base}/${hash}`);
  await page.waitForFunction(() => !!window.__explorer && window.__explorer.graph.order > 0 && !window.__explorer.state.layoutRunning, null, { timeout: 30_000 });
}

const rendered = (page: Page) => page.evaluate(() => window.__explorer!.renderedNodes().length);

async function pickFromSearch(page: Page, testId: string, text: string, id?: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.fill(text);
  const option = id ? page.locator(`.suggestion[data-id="${id}"]`) : page.locator(".suggestion[data-id]").first();
  await option.waitFor({ state: "visible" });
  await option.dispatchEvent("mousedown");
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  db = testDb();
  await loadSeedGraph(db, validateSeed().graph);
  const [{ n }] = await db.read<{ n: number }>("MATCH (e:Entity) WHERE NOT e:Source RETURN count(e) AS n");
  overviewCount = n;
  ensureWebBuilt();
  const app = createApp({ db, options: { webDir: WEB_DIST, cypherRateLimitPerMinute: 1_000 } });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  session = await openBrowser({ width: 1280, height: 800 });
}, 240_000);

afterAll(async () => {
  await session?.close();
  await new Promise((resolve) => server?.close(resolve));
  await db?.close();
});

describe("explorer", () => {
  it("rejects an unknown entity in the URL without breaking the first view", async () => {
    const page = session.page;
    await open(page, "#/explore?sel=company:does-not-exist");
    expect(await rendered(page)).toBe(overviewCount);
    await poll(() => page.evaluate(() => window.__explorer!.state.selected)).toBeNull();
    session.problems.length = 0; // the 404 of the unknown entity is the expected answer
  });

  it("first view renders the seed graph, coloured by type with a legend", async () => {
    const page = session.page;
    await open(page);
    expect(await rendered(page)).toBe(overviewCount);
    await poll(() => page.getByTestId("counts").textContent()).toContain(`${overviewCount}`);
    const legend = await page.getByTestId("legend").textContent();
    for (const type of ["Law", "Regulator", "Company", "Case", "Topic"]) expect(legend).toContain(type);
    // The layout is cached: a reload does not lay out again and puts nodes where they were.
    const before = await page.evaluate(() => window.__explorer!.graph.getNodeAttributes("law:eu-gdpr"));
    await open(page);
    const after = await page.evaluate(() => window.__explorer!.graph.getNodeAttributes("law:eu-gdpr"));
    expect(Math.abs((after.x as number) - (before.x as number))).toBeLessThan(0.1);
    await shot(page, "first-view");
    expect(session.problems).toEqual([]);
  });

  it("searches 数据保护 and Grok and opens dossiers with evidence quotes", async () => {
    const page = session.page;
    await open(page);
    await pickFromSearch(page, "search", "数据保护", "law:eu-gdpr");
    await poll(() => page.getByTestId("dossier-title").textContent()).toBe("General Data Protection Regulation");
    expect(await page.getByTestId("quote").count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.__explorer!.state.selected)).toBe("law:eu-gdpr");
    await poll(() => page.evaluate(() => location.hash)).toContain("sel=law%3Aeu-gdpr");

    await pickFromSearch(page, "search", "Grok", "model:grok");
    await poll(() => page.getByTestId("dossier-title").textContent()).toBe("Grok");
    expect(await page.getByTestId("quote").count()).toBeGreaterThan(0);
    const dossier = await page.getByTestId("dossier").textContent();
    expect(dossier).toMatch(/reported|curated/);
    // The selection is highlighted with its neighbours; the rest is dimmed.
    const colours = () =>
      page.evaluate(() => {
        const e = window.__explorer!;
        const far = e.graph.nodes().find((n) => n !== "model:grok" && !e.graph.neighbors("model:grok").includes(n))!;
        return { self: e.sigma.getNodeDisplayData("model:grok")!.color, far: e.sigma.getNodeDisplayData(far)!.color };
      });
    await poll(async () => {
      const c = await colours();
      return c.far === DIM_NODE_COLOR && c.self !== DIM_NODE_COLOR;
    }).toBe(true);
    await shot(page, "dossier");
    expect(session.problems).toEqual([]);
  });

  it("an edge clicked in the graph shows its quote and a link to its source", async () => {
    const page = session.page;
    await open(page);
    await pickFromSearch(page, "search", "Grok", "model:grok");
    await poll(() => page.getByTestId("dossier-title").textContent()).toBe("Grok");
    await page.waitForTimeout(1_000); // the camera's move to the selection
    // The longest on-screen reported edge of Grok without a parallel one: its middle is clear of nodes and curves.
    const target = await page.evaluate(() => {
      const e = window.__explorer!;
      const g = e.graph as unknown as { forEachEdge: Hook["graph"]["forEachEdge"]; edges: (a: string, b: string) => string[] };
      const box = e.sigma.getContainer().getBoundingClientRect();
      let best: { edge: string; type: string; from: { x: number; y: number }; to: { x: number; y: number }; length: number } | null = null;
      g.forEachEdge((edge, a, s, t) => {
        if (s !== "model:grok" && t !== "model:grok") return;
        if (a.basis !== "reported" || new Set([...g.edges(s, t), ...g.edges(t, s)]).size !== 1) return;
        const [p, q] = [s, t].map((n) => e.sigma.framedGraphToViewport(e.sigma.getNodeDisplayData(n)!));
        const length = Math.hypot(p.x - q.x, p.y - q.y);
        const mid = { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
        const inside = mid.x > 20 && mid.y > 20 && mid.x < box.width - 20 && mid.y < box.height - 20;
        const from = { x: box.left + p.x, y: box.top + p.y };
        const to = { x: box.left + q.x, y: box.top + q.y };
        if (inside && (!best || length > best.length)) best = { edge, type: String(a.type), from, to, length };
      });
      return best as { edge: string; type: string; from: { x: number; y: number }; to: { x: number; y: number }; length: number } | null;
    });
    expect(target).not.toBeNull();
    // A line a pixel wide that other edges may cross: click along its middle until sigma picks this one.
    const picked = () => page.evaluate(() => (window.__explorer!.state as { selectedEdge?: { key: string } | null }).selectedEdge?.key);
    search: for (const at of [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65]) {
      for (const [dx, dy] of [[0, 0], [0, 1], [1, 0], [0, -1], [-1, 0]]) {
        const { from, to } = target!;
        await page.mouse.click(from.x + (to.x - from.x) * at + dx, from.y + (to.y - from.y) * at + dy);
        if ((await picked()) === target!.edge) break search;
      }
    }
    expect(await picked()).toBe(target!.edge);
    await poll(() => page.getByTestId("edge-title").isVisible()).toBe(true);
    expect(await page.getByTestId("edge-title").textContent()).toContain("Grok");
    const evidence = page.getByTestId("edge-evidence");
    expect((await evidence.getByTestId("quote").textContent())!.length).toBeGreaterThan(5);
    // Its source, by title, linked where the source has an address: what the dossier shows for the same relationship.
    const detail = (await (await fetch(`${base}/api/relationships/${encodeURIComponent(target!.edge)}?type=${target!.type}`)).json()) as {
      evidence: { sources: { title: string; url?: string }[] };
    };
    const source = detail.evidence.sources[0];
    expect(await evidence.locator(".source").first().textContent()).toContain(source.title);
    if (source.url) expect(await evidence.locator(`.sources a[href="${source.url}"]`).count()).toBe(1);
    expect(session.problems).toEqual([]);
  });

  it("filters out an entity type", async () => {
    const page = session.page;
    await open(page);
    const topics = await page.evaluate(() => window.__explorer!.graph.nodes().filter((n) => window.__explorer!.graph.getNodeAttributes(n).type === "Topic").length);
    expect(topics).toBeGreaterThan(0);
    await page.getByTestId("type-Topic").uncheck();
    await poll(() => rendered(page)).toBe(overviewCount - topics);
    const anyTopic = await page.evaluate(() => window.__explorer!.renderedNodes().some((n) => n.startsWith("topic:")));
    expect(anyTopic).toBe(false);
    await poll(() => page.evaluate(() => location.hash)).toContain("hide=Topic");
    await page.getByTestId("type-Topic").check();
    await poll(() => rendered(page)).toBe(overviewCount);
  });

  it("timeline slider hides later events", async () => {
    const page = session.page;
    await open(page);
    const slider = page.getByTestId("timeline");
    await slider.focus();
    await page.keyboard.press("Home");
    const until = (await page.getByTestId("timeline-value").textContent())!.match(/\d{4}-\d{2}/)![0];
    await poll(() => rendered(page)).toBeLessThan(overviewCount);
    const late = await page.evaluate((month) => {
      const e = window.__explorer!;
      let shown = 0;
      e.graph.forEachEdge((_k, a) => {
        if (!a.hidden && typeof a.date === "string" && a.date.slice(0, 7) > month) shown++;
      });
      return shown;
    }, until);
    expect(late).toBe(0);
    await poll(() => page.evaluate(() => location.hash)).toContain(`until=${until}`);
    const early = await rendered(page);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await poll(() => rendered(page)).toBeGreaterThanOrEqual(early);
    await page.keyboard.press("End");
    await poll(() => rendered(page)).toBe(overviewCount);
  });

  it("regime view of the three default laws shows them connected, explained in words", async () => {
    const page = session.page;
    await open(page);
    await page.getByTestId("tab-regimes").click();
    await page.getByTestId("regimes-show").click();
    await poll(() => page.locator(".pair[data-connected=true]").count()).toBe(3);
    const text = await page.getByTestId("regimes-explanations").textContent();
    expect(text).toMatch(/Both address|connect through|Both are linked/);
    const connected = await page.evaluate((laws) => {
      const g = window.__explorer!.graph;
      const reach = (from: string) => {
        const seen = new Set([from]);
        const queue = [from];
        while (queue.length) for (const m of g.neighbors(queue.shift()!)) if (!seen.has(m)) (seen.add(m), queue.push(m));
        return seen;
      };
      return laws.every((l) => g.hasNode(l)) && laws.every((l) => laws.every((m) => reach(l).has(m)));
    }, REGIMES);
    expect(connected).toBe(true);
    expect(await rendered(page)).toBeLessThan(overviewCount);
    await poll(() => page.evaluate(() => location.hash)).toContain("#/regimes?laws=law%3Aeu-gdpr%2Claw%3Aeu-ai-act%2Claw%3Acn-aigc-labeling");
    await shot(page, "regimes");
    expect(session.problems).toEqual([]);
  });

  it("finds the shortest paths between two companies, the rest dimmed", async () => {
    const page = session.page;
    await open(page);
    await page.getByTestId("tab-path").click();
    await pickFromSearch(page, "path-from", "ByteDance", "company:bytedance");
    await pickFromSearch(page, "path-to", "OpenAI", "company:openai");
    await page.getByTestId("path-results").waitFor();
    expect(await page.getByTestId("path-results").textContent()).toMatch(/shortest path/);
    const highlighted = await page.evaluate(() => [...window.__explorer!.state.highlight!.nodes]);
    expect(highlighted).toEqual(expect.arrayContaining(["company:bytedance", "company:openai"]));
    expect(highlighted.length).toBeGreaterThanOrEqual(3);
    const colours = () =>
      page.evaluate((dim) => {
        const e = window.__explorer!;
        const hl = e.state.highlight!.nodes;
        const outside = e.graph.nodes().filter((n) => !hl.has(n));
        return { dimmed: outside.every((n) => e.sigma.getNodeDisplayData(n)!.color === dim), inside: e.sigma.getNodeDisplayData("company:openai")!.color };
      }, DIM_NODE_COLOR);
    await poll(async () => (await colours()).dimmed).toBe(true);
    expect((await colours()).inside).not.toBe(DIM_NODE_COLOR);
    await poll(() => page.evaluate(() => location.hash)).toMatch(/#\/path\?from=company%3Abytedance&to=company%3Aopenai/);
    await shot(page, "path");
  });

  it("console runs a saved query (table and graph) and shows the refusal of a CREATE", async () => {
    const page = session.page;
    await open(page);
    await page.getByTestId("tab-console").click();
    await page.locator('.saved[data-name="chain-company-to-law"]').click();
    await poll(() => page.getByTestId("cypher-editor").textContent()).toContain("allShortestPaths");
    await page.getByTestId("console-run").click();
    await page.locator("[data-testid=console-table] tbody tr").first().waitFor();
    expect(await page.locator("[data-testid=console-table] th").allTextContents()).toEqual(["path", "chain", "hops"]);
    const drawn = await page.evaluate(() => ({ order: window.__explorer!.graph.order, bytedance: window.__explorer!.graph.hasNode("company:bytedance") }));
    expect(drawn.bytedance).toBe(true);
    expect(drawn.order).toBeLessThan(overviewCount);
    expect(await rendered(page)).toBe(drawn.order);
    await poll(() => page.evaluate(() => location.hash)).toContain("saved=chain-company-to-law");
    await shot(page, "console");

    await page.getByTestId("cypher-editor").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("CREATE (n:Company {id: 'company:nope'}) RETURN n");
    await page.keyboard.press("Control+Enter");
    await poll(() => page.getByTestId("console-error").textContent()).toContain("CREATE writes to the graph");
    const [{ n }] = await db.read<{ n: number }>("MATCH (n {id: 'company:nope'}) RETURN count(n) AS n");
    expect(n).toBe(0);
    session.problems.length = 0; // the 403 of the refused query is the expected answer
  });

  it("exports a non-empty GEXF", async () => {
    const page = session.page;
    await open(page);
    await page.getByTestId("export-menu").click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-gexf").click()]);
    const file = await download.path();
    const text = readFileSync(file!, "utf8");
    expect(text.length).toBeGreaterThan(1_000);
    expect(text).toContain("<gexf");
    expect(text).toContain("law:eu-gdpr");
  });

  it("exports a PNG of the canvas and a JSON view that the app re-opens", async () => {
    const page = session.page;
    await open(page, "#/regimes");
    await page.locator(".pair").first().waitFor();
    const order = await page.evaluate(() => window.__explorer!.graph.order);
    await page.getByTestId("export-menu").click();
    const [png] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-png").click()]);
    const image = readFileSync((await png.path())!);
    expect(image.subarray(1, 4).toString()).toBe("PNG");
    expect(image.length).toBeGreaterThan(5_000);
    await page.getByTestId("export-menu").click({ force: true });
    if (!(await page.getByTestId("export-json").isVisible())) await page.getByTestId("export-menu").click();
    const [json] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-json").click()]);
    const file = (await json.path())!;
    const saved = JSON.parse(readFileSync(file, "utf8"));
    expect(saved.format).toBe("compliance-graph-view");
    expect(saved.graph.nodes).toHaveLength(order);

    await open(page);
    expect(await page.evaluate(() => window.__explorer!.graph.order)).toBe(overviewCount);
    await page.getByTestId("open-view-input").setInputFiles({ name: "view.json", mimeType: "application/json", buffer: readFileSync(file) });
    await poll(() => page.evaluate(() => window.__explorer!.graph.order)).toBe(order);
    expect(await page.evaluate((laws) => laws.every((l) => window.__explorer!.graph.hasNode(l)), REGIMES)).toBe(true);
    expect(session.problems).toEqual([]);
  });

  it("expands a neighbourhood (with a guard for many relationships) and collapses it", async () => {
    const page = session.page;
    await open(page, "#/regimes");
    await page.locator(".pair").first().waitFor();
    const before = await page.evaluate(() => window.__explorer!.graph.order);
    await pickFromSearch(page, "search", "European Parliament", "regulator:eu-parliament");
    // Wait for this entity's dossier: clicking earlier would press the previous dossier's button.
    await poll(() => page.getByTestId("dossier-title").textContent()).toBe("European Parliament");
    await page.getByTestId("expand").click();
    await poll(() => page.evaluate(() => window.__explorer!.graph.order)).toBeGreaterThan(before);
    const expanded = await page.evaluate(() => window.__explorer!.graph.order);
    await page.getByTestId("collapse").click();
    await poll(() => page.evaluate(() => window.__explorer!.graph.order)).toBe(before);

    // China has more relationships than the guard allows at once: the count is shown and the lawyer chooses.
    await pickFromSearch(page, "search", "China", "jur:cn");
    await poll(() => page.getByTestId("dossier-title").textContent()).toBe("China");
    await page.getByTestId("expand").click();
    await poll(() => page.locator(".expand-guard").textContent()).toMatch(/This entity has \d+ relationships/);
    const guarded = await page.evaluate(() => window.__explorer!.graph.order);
    await page.locator(".expand-guard input[type=number]").fill("5");
    await page.getByTestId("expand-confirm").click();
    await poll(() => page.locator("[data-testid=dossier] .notice").textContent()).toMatch(/Added \d+ entities|already shown/);
    expect(await page.evaluate(() => window.__explorer!.graph.order)).toBeLessThanOrEqual(guarded + 5);
    expect(expanded).toBeGreaterThan(before);
    expect(session.problems).toEqual([]);
  });

  it("shows the advice of a path search stopped at its time limit (504), without calling the API down", async () => {
    // The API's real 504 is tested in tests/db/paths.test.ts and the console tests; here only what the explorer does.
    const page = await session.context.newPage();
    const detail = "This path search took too long and was stopped. Try fewer hops, fewer relationship types, or a more specific pair of entities.";
    await page.route("**/api/graph/paths**", (route) =>
      route.fulfill({ status: 504, contentType: "application/problem+json", body: JSON.stringify({ type: "about:blank", title: "Query stopped", status: 504, detail }) }),
    );
    await page.goto(`${base}/#/path?from=company%3Abytedance&to=company%3Aopenai`);
    await page.getByRole("alert").filter({ hasText: "took too long" }).waitFor();
    expect(await page.getByTestId("api-banner").isVisible()).toBe(false);
    await page.close();
    session.problems.length = 0; // the browser reports the 504 it was given
  });

  it("shows a clear banner when the API is down, and recovers", async () => {
    const page = await session.context.newPage();
    await page.route("**/api/**", (route) => route.abort("connectionrefused"));
    await page.goto(`${base}/`);
    await page.getByTestId("api-banner").waitFor({ state: "visible" });
    expect(await page.getByTestId("api-banner").textContent()).toMatch(/does not answer/);
    await page.unroute("**/api/**");
    await page.getByTestId("api-banner").getByRole("button").click();
    await page.getByTestId("api-banner").waitFor({ state: "hidden", timeout: 15_000 });
    await poll(() => page.evaluate(() => window.__explorer?.graph.order ?? 0)).toBe(overviewCount);
    await page.close();
    session.problems.length = 0; // the refused requests were the point
  });

  it("a URL with state reopens the same view", async () => {
    const page = session.page;
    await open(page, "#/explore?sel=company:openai&hide=Topic&lang=zh");
    await poll(() => page.getByTestId("dossier-title").textContent()).toBe("OpenAI");
    expect(await page.getByTestId("type-Topic").isChecked()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    expect(await page.getByTestId("tab-regimes").textContent()).toBe("法规体系");
    const shown = await rendered(page);
    const url = page.url();

    const other = await session.context.newPage();
    await open(other, new URL(url).hash);
    await poll(() => other.getByTestId("dossier-title").textContent()).toBe("OpenAI");
    expect(await rendered(other)).toBe(shown);
    expect(await other.evaluate(() => window.__explorer!.state.selected)).toBe("company:openai");
    await other.close();

    await open(page, "#/regimes?laws=law:eu-gdpr,law:eu-ai-act&lang=en");
    await poll(() => page.locator(".pair").count()).toBe(1);
    expect(await page.getByTestId("tab-regimes").getAttribute("aria-pressed")).toBe("true");
  });

  it("a name with markup stays inert text", async () => {
    const page = session.page;
    const name = "<img src=x onerror=window.__xss=1>";
    // MERGE right before searching: other suites may reload the shared test database in between.
    const write = () => db.write("MERGE (n:Entity:Company {id: 'company:xss-test'}) SET n.nameEn = $name, n.aliasesText = ''", { name });
    try {
      await open(page);
      await write();
      await pickFromSearch(page, "search", "onerror", "company:xss-test");
      await poll(() => page.getByTestId("dossier-title").textContent()).toBe(name);
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => window.__xss)).toBeUndefined();
      expect(await page.locator("[data-testid=dossier] img").count()).toBe(0);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
    } finally {
      await db.write("MATCH (n {id: 'company:xss-test'}) DETACH DELETE n");
    }
  });

  it("links a company's dossier to its briefing page, which says when briefings are not available", async () => {
    const page = session.page;
    await open(page, "#/explore?sel=company:minimax");
    await page.getByTestId("briefing-link").click();
    await page.getByTestId("briefing-page").waitFor();
    expect(await page.getByTestId("briefing-company").inputValue()).toBe("company:minimax");
    await page.getByTestId("briefing-generate").click();
    const message = page.getByTestId("briefing-message");
    const frame = page.getByTestId("briefing-frame");
    await poll(async () => (await message.count()) + (await frame.count())).toBeGreaterThan(0);
    if (await frame.count()) {
      expect(await frame.getAttribute("sandbox")).toBe("");
    } else {
      expect(await message.textContent()).toMatch(/not available yet|company|market/i);
    }
    session.problems.length = 0; // a 404 while the briefing API does not exist is expected
  });

  it.each(["en", "zh"] as const)("takes the client profile on the briefing page and shows the duties that follow (%s)", async (lang) => {
    const page = session.page;
    await page.goto("about:blank");
    await page.goto(`${base}/#/briefing?company=company:minimax&markets=EU,KR,GB,US&activities=foundation_models,model_api,consumer_chatbot&asOf=2026-03-01&lang=${lang}`);
    await page.getByTestId("briefing-page").waitFor();
    // The page's own language follows the explorer's (the top bar is hidden on this page).
    await page.waitForFunction(() => !!window.__explorer);
    await page.evaluate((l) => (window.__explorer!.state as unknown as { setLang: (x: string) => void }).setLang(l), lang);
    expect(await page.getByTestId("activity-consumer_chatbot").isChecked()).toBe(true);
    await page.getByTestId("briefing-established").fill("none");
    await page.getByTestId("briefing-openSource").selectOption("false");
    await page.getByTestId("briefing-turnover").fill("500000000");
    await page.getByTestId("briefing-currency").fill("EUR");
    await page.getByTestId("briefing-generate").click();
    const frame = page.getByTestId("briefing-frame");
    await frame.waitFor({ timeout: 60_000 });
    expect(await frame.getAttribute("sandbox")).toBe("");
    const srcdoc = (await frame.getAttribute("srcdoc")) ?? "";
    expect(srcdoc).toContain(lang === "zh" ? "约束客户的义务" : "Obligations that bind the client");
    expect(srcdoc).toContain(lang === "zh" ? "未评估" : "not assessed");
    const docx = (await page.getByTestId("briefing-download-docx").getAttribute("href")) ?? "";
    expect(docx).toContain("established=none");
    expect(docx).toContain("format=docx");
    await shot(page, `briefing-profile-${lang}`);
    await frame.evaluate((f: HTMLIFrameElement) => f.scrollIntoView());
    await shot(page, `briefing-result-${lang}`);
    await page.evaluate(() => (window.__explorer!.state as unknown as { setLang: (x: string) => void }).setLang("en"));
    expect(session.problems).toEqual([]);
  });
});
