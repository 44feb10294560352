/** Storing ingested text for quote checking: never silently replacing a different document of the same name. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { ConflictError } from "../../../src/errors.js";
import { checkStorable, storeDocumentTexts } from "../../../src/ingest/store.js";
import type { ReadDocument } from "../../../src/ingest/types.js";

const doc = (document: string, text: string): ReadDocument => ({
  document,
  file: `/in/${document}`,
  format: "txt",
  bytes: text.length,
  text,
});

describe("document text store", () => {
  it("refuses two different documents of the same name, and a different text already stored", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "store-"));
    expect(() => checkStorable([doc("a.txt", "one"), doc("a.txt", "two")], { dir })).toThrow(ConflictError);
    storeDocumentTexts([doc("a.txt", "one")], { dir });
    expect(() => checkStorable([doc("a.txt", "changed")], { dir })).toThrow(/already holds a different document/);
    expect(() => checkStorable([doc("a.txt", "changed")], { dir, force: true })).not.toThrow();
  });

  it("stores each text under its document name, and accepts the same text again", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "store-"));
    const [written] = storeDocumentTexts([doc("b.txt", "英国信息专员办公室")], { dir });
    expect(readFileSync(written, "utf8")).toBe("英国信息专员办公室");
    expect(() => checkStorable([doc("b.txt", "英国信息专员办公室")], { dir })).not.toThrow();
  });
});
