/** References within an item: descriptions, party roles, numbered defendants; never across items. */
import { describe, expect, it } from "vitest";

import { relationsOf } from "../../fixtures/ingest/graph.js";
import { partyRoleSuits, resolveReferences } from "../../../src/ingest/references.js";
import type { Mention, Sentence } from "../../../src/ingest/types.js";

const sentence = (text: string, start = 0, item = 0): Sentence => ({
  item,
  start,
  end: start + text.length,
  text,
  heading: false,
});
const mention = (s: Sentence, surface: string, id: string, label: Mention["label"]): Mention => {
  const at = s.start + s.text.indexOf(surface);
  return { start: at, end: at + surface.length, surface, id, label, isNew: true };
};

describe("resolveReferences", () => {
  it("does nothing for an item without sentences or mentions", () => {
    const roles = resolveReferences([], new Map(), new Map());
    expect(partyRoleSuits(roles, 0)).toEqual([]);
    const s = sentence("The regulator said nothing.");
    const mentions = new Map([[s, [] as Mention[]]]);
    resolveReferences([s], mentions, new Map());
    expect(mentions.get(s)).toEqual([]);
  });

  it("resolves a description to the nearest fitting entity before it, and leaves it when there is none", () => {
    const a = sentence("Acme Corp was fined by the Dutch DPA.");
    const b = sentence("The regulator said the company must pay.", 40);
    const mentions = new Map([
      [
        a,
        [mention(a, "Acme Corp", "company:acme", "Company"), mention(a, "Dutch DPA", "regulator:nl-ap", "Regulator")],
      ],
      [b, [] as Mention[]],
    ]);
    resolveReferences([a, b], mentions, new Map());
    expect(mentions.get(b)!.map((m) => `${m.surface}=${m.id}`)).toEqual([
      "The regulator=regulator:nl-ap",
      "the company=company:acme",
    ]);
    // Another item starts with nothing to refer to.
    const c = sentence("The regulator said so.", 100, 1);
    const other = new Map([[c, [] as Mention[]]]);
    resolveReferences([c], other, new Map());
    expect(other.get(c)).toEqual([]);
  });

  it("records 原告/被告 and numbered defendants, resolves bare roles and states the suit", () => {
    const a = sentence("原告魔珐公司起诉被告一杭州某网络公司和被告二上海某科技公司。");
    const b = sentence("法院认为,被告二未经许可使用作品。", 40);
    const mentions = new Map([
      [
        a,
        [
          mention(a, "魔珐公司", "company:mofa", "Company"),
          mention(a, "杭州某网络公司", "company:hz", "Company"),
          mention(a, "上海某科技公司", "company:sh", "Company"),
        ],
      ],
      [b, [] as Mention[]],
    ]);
    const roles = resolveReferences([a, b], mentions, new Map());
    expect(mentions.get(b)!.map((m) => `${m.surface}=${m.id}`)).toEqual(["被告二=company:sh"]);
    expect(partyRoleSuits(roles, 0).map((h) => `${h.type} ${h.from} -> ${h.to}`)).toEqual([
      "SUES company:mofa -> company:hz",
      "SUES company:mofa -> company:sh",
    ]);
  });
});

describe("references in extraction", () => {
  it("takes the item's regulator for 'the regulator' and not a graph entity the bare word names elsewhere", () => {
    const rels = relationsOf(
      "The Dutch Data Protection Authority opened an investigation into OpenAI. The regulator later fined OpenAI.",
    );
    expect(rels).toContain("FINES regulator:nl-ap -> company:openai");
  });
});
