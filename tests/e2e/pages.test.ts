/**
 * The explorer's own pages end to end (real express app on the test Neo4j with the seed graph, the built web/dist,
 * headless Chromium): the what's-new page lists the seed's events for a date and a watch list, and the review page
 * turns a candidates file written by the ingest extractor into the seed file a lawyer downloads.
 */
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../src/app.js";
import type { Db } from "../../src/db/driver.js";
import { assembleReviewed, autoDecisions } from "../../src/ingest/review.js";
import { loadSeedGraph } from "../../src/seed/load.js";
import { validateSeed } from "../../src/seed/validate.js";
import { extractText } from "../fixtures/ingest/graph.js";
import { ensureWebBuilt, openBrowser, WEB_DIST, type Session } from "../support/browser.js";
import { testDb } from "../support/db.js";

/** A two-item newsletter: an investigation of graph entities, and a new authority issuing a new guideline. */
const TEXT = [
  "## 1. 英国信息专员办公室调查X平台",
  "发布日期：2026年3月2日",
  "链接：https://example.org/ico",
  "2026年3月2日，英国信息专员办公室宣布对X平台展开调查。",
  "## 2. 新机构发布指南",
  "2026年3月5日，深圳市福田区数据局发布《公共数据授权运营指南》。",
].join("\n");

/** The part of the explorer's test hook read here (declared in full by explorer.test.ts). */
type Hook = { state: { selected: string | null } };

let db: Db;
let server: Server;
let base = "";
let session: Session;

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000, interval: 100 });

beforeAll(async () => {
  db = testDb();
  await loadSeedGraph(db, validateSeed().graph);
  ensureWebBuilt();
  const app = createApp({ db, options: { webDir: WEB_DIST } });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  session = await openBrowser({ width: 1280, height: 900 });
}, 240_000);

afterAll(async () => {
  await session?.close();
  await new Promise((resolve) => server?.close(resolve));
  await db?.close();
});

describe("pages", () => {
  it("what's new lists ByteDance's events since 2026-02-01 with quotes and sources, and opens a dossier", async () => {
    const page = session.page;
    await page.goto("about:blank");
    await page.goto(`${base}/#/whatsnew?since=2026-02-01&watch=company:bytedance`);
    await page.getByTestId("whatsnew-page").waitFor();
    expect(await page.getByTestId("whatsnew-since").inputValue()).toBe("2026-02-01");
    const group = page.locator('[data-testid="whatsnew-watched"][data-key="company:bytedance"]');
    await group.waitFor();
    const events = group.getByTestId("whatsnew-event");
    await poll(() => events.count()).toBeGreaterThan(2);
    const accusations = group.locator(
      '[data-testid="whatsnew-event"][data-type="ACCUSES"][data-to="company:bytedance"]',
    );
    expect(await accusations.count()).toBeGreaterThanOrEqual(3);
    const text = await group.textContent();
    expect(text).toContain("华纳兄弟向字节跳动发出停止侵权通知函");
    expect(text).toContain("Seedance");
    expect(await group.getByTestId("whatsnew-quote").count()).toBe(await events.count());
    expect(await group.getByTestId("whatsnew-source").count()).toBe(await events.count());
    expect(await page.locator('[data-testid="whatsnew-jurisdiction"]').count()).toBeGreaterThan(0);
    // A party's name opens its dossier in the explorer.
    await group.locator('[data-testid="whatsnew-entity"][data-id="company:warner-bros-discovery"]').first().click();
    await poll(() =>
      page.evaluate(() => (window as unknown as { __explorer?: Hook }).__explorer?.state.selected ?? null),
    ).toBe("company:warner-bros-discovery");
    await page.getByTestId("dossier-title").waitFor();
    expect(await page.getByTestId("whatsnew-page").isHidden()).toBe(true);
    // The explorer's nav has a button for each page.
    expect(await page.getByTestId("tab-whatsnew").textContent()).toBe("What's new");
    await page.getByTestId("tab-review").click();
    await page.getByTestId("review-page").waitFor();
    expect(session.problems).toEqual([]);
  });

  it("review refuses a file that is not a candidates file, then turns accepted candidates into a seed file", async () => {
    const page = session.page;
    await page.goto("about:blank");
    await page.goto(`${base}/#/review`);
    await page.getByTestId("review-page").waitFor();
    const upload = (name: string, text: string) =>
      page.getByTestId("review-file").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });

    await upload("notes.json", "{ not json");
    await poll(() => page.getByTestId("review-message").textContent()).toContain("not JSON");
    await upload("seed.json", JSON.stringify({ entities: [], relationships: [] }));
    await poll(() => page.getByTestId("review-message").textContent()).toContain("not a candidates file");
    expect(await page.getByTestId("review-download").count()).toBe(0);

    const file = extractText(TEXT);
    const proposed = file.relationships.filter((r) => r.type !== "PARTY_TO");
    await upload("candidates.json", JSON.stringify(file));
    await page.getByTestId("review-loaded").waitFor();
    expect(await page.getByTestId("review-message").textContent()).toBe("");
    expect(await page.getByTestId("review-rel").count()).toBe(proposed.length);
    const evidence = await page.getByTestId("review-evidence").allTextContents();
    expect(evidence).toEqual(proposed.map((r) => r.quote));
    expect(await page.getByTestId("review-confidence").first().textContent()).toContain(
      proposed[0].candidate.confidence.toFixed(2),
    );
    expect(await page.getByTestId("review-entity").count()).toBe(
      file.entities.filter((e) => e.candidate.status === "new").length,
    );

    // Accept everything: threshold to 0, then "accept all at or above".
    await page.getByTestId("review-threshold").evaluate((el: HTMLInputElement) => {
      el.value = "0";
      el.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await page.getByTestId("review-accept-above").click();
    const boxes = page.getByTestId("review-accept-rel");
    for (let i = 0; i < (await boxes.count()); i++) expect(await boxes.nth(i).isChecked()).toBe(true);
    const bureau = file.entities.find((e) => e.nameZh === "深圳市福田区数据局")!;
    await page
      .locator(`[data-testid="review-nameEn"][data-id="${bureau.id}"]`)
      .fill("Futian District Data Bureau, Shenzhen");
    await poll(() => page.getByTestId("review-summary").textContent()).toContain(
      `${file.relationships.length} relationship(s) accepted`,
    );
    expect(await page.getByTestId("review-note").textContent()).toContain("seed/documents/");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("review-download").click()]);
    expect(download.suggestedFilename()).toBe("test.json");
    const seed = JSON.parse(readFileSync((await download.path())!, "utf8")) as Record<
      string,
      Record<string, unknown>[]
    >;
    // The relationships are exactly the accepted candidates (PARTY_TO following their relationship), without `candidate`.
    const accepted = file.relationships.map(({ candidate: _c, ...rest }) => rest);
    expect(seed.relationships).toEqual(accepted);
    // ...and the same seed as `npm run review --accept-above 0` writes, but for the edited name.
    const cli = assembleReviewed(file, autoDecisions(file, 0)).seed;
    expect(seed.relationships).toEqual(cli.relationships);
    expect(seed.sources).toEqual(cli.sources);
    expect(seed.entities).toEqual(
      cli.entities.map((e) => (e.id === bureau.id ? { ...e, nameEn: "Futian District Data Bureau, Shenzhen" } : e)),
    );
    expect(seed.$schema).toBe("../seed.schema.json");
    expect(session.problems).toEqual([]);
  });
});
