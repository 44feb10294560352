/** Entity resolution: a new name joins an existing entity only with the same label, jurisdiction and name. */
import { describe, expect, it } from "vitest";

import { buildDictionary } from "../../../src/ingest/dictionary.js";
import { candidatesFile, createRun, extractDocument } from "../../../src/ingest/extract.js";
import type { GraphEntity } from "../../../src/ingest/types.js";

const E = (id: string, label: GraphEntity["label"], nameEn: string, aliases: string[] = []): GraphEntity => ({
  id,
  label,
  nameEn,
  aliases,
});
const GRAPH = [
  E("regulator:eu-commission", "Regulator", "European Commission", ["Commission", "EC"]),
  E("jur:ie", "Jurisdiction", "Ireland"),
  E("jur:us", "Jurisdiction", "United States", ["US"]),
  E("company:openai", "Company", "OpenAI"),
  E("regulator:dpa", "Regulator", "Data Protection Authority"),
];

function extract(text: string) {
  const run = createRun(buildDictionary({ entities: GRAPH, relationships: [] }));
  return candidatesFile(run, [
    extractDocument(run, { document: "t.txt", file: "t.txt", format: "txt", bytes: text.length, text }),
  ]);
}

describe("entity resolution", () => {
  it("creates nothing for text that names nobody", () => {
    expect(extract("Nothing happened today.").entities).toEqual([]);
  });

  it("does not merge a qualified Commission into the European Commission", () => {
    const file = extract(
      "Ireland's Data Protection Commission fined OpenAI. The Federal Trade Commission sued OpenAI.",
    );
    const rels = file.relationships.filter((r) => r.type !== "PARTY_TO").map((r) => `${r.type} ${r.from} -> ${r.to}`);
    expect(rels.some((r) => r.includes("regulator:eu-commission"))).toBe(false);
    const ftc = file.entities.find((e) => e.nameEn === "Federal Trade Commission");
    expect(ftc?.candidate.status).toBe("new");
  });

  it("joins at the same name apart from the legal form; a qualified name is a new entity and a possible duplicate", () => {
    const file = extract("The Hamburg Data Protection Authority fined OpenAI Inc. on Monday.");
    const inc = file.entities.find((e) => e.nameEn === "OpenAI Inc.");
    expect(inc?.candidate).toMatchObject({ status: "match", matchOf: "company:openai" });
    const hamburg = file.entities.find((e) => e.nameEn === "Hamburg Data Protection Authority");
    expect(hamburg?.candidate).toMatchObject({ status: "new", possibleDuplicateOf: "regulator:dpa" });
    expect(file.relationships.map((r) => r.from)).not.toContain("regulator:dpa");
  });
});
