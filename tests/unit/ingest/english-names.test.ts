/** English entity discovery: the capitalised-span chunker, its typing, and names written in lower case. */
import { describe, expect, it } from "vitest";

import {
  capitalisedSpans,
  commonNameHits,
  englishNameHits,
  midSentenceNames,
} from "../../../src/ingest/english-names.js";

const names = (text: string, known: string[] = []) =>
  englishNameHits(text, new Set(known)).map((h) => `${h.nameEn}/${h.label}`);

describe("englishNameHits", () => {
  it("finds nothing in empty text, lower-case text or a lone capitalised word opening a sentence", () => {
    expect(names("")).toEqual([]);
    expect(names("the regulator fined the company.")).toEqual([]);
    expect(names("Despite this, nothing happened.")).toEqual([]);
    expect(capitalisedSpans("")).toEqual([]);
  });

  it("keeps AI and legal forms inside a name and does not cut two-word names", () => {
    expect(names("Regulators fined Clearview AI and sued Stability AI over Getty Images photos.")).toEqual(
      expect.arrayContaining(["Clearview AI/Company", "Stability AI/Company", "Getty Images/Company"]),
    );
    expect(names("The order against Delphia (USA) Inc. took effect.")).toContain("Delphia (USA) Inc./Company");
  });

  it("joins 'and' and 'of' inside institution names only", () => {
    expect(
      names(
        "The Securities and Exchange Commission said on Monday that it had charged Delphia and Global Predictions.",
      ),
    ).toEqual(
      expect.arrayContaining([
        "Securities and Exchange Commission/Regulator",
        "Delphia/Company",
        "Global Predictions/Company",
      ]),
    );
    expect(names("It was linked to the Ministry of Justice in Brasília.")).toContain("Ministry of Justice/Regulator");
  });

  it("types people by their title and drops adjectives and title-case heading words", () => {
    expect(names("On Tuesday, Judge Stephanos Bibas rejected the defence.")).toContain("Stephanos Bibas/Person");
    expect(names("SEC Chair Gary Gensler spoke.")).toContain("Gary Gensler/Person");
    expect(names("The US-based company Clearview AI was fined.")).not.toContain("US-based/Company");
    expect(names("SEC Fines Delphia for Misleading Claims")).not.toContain("SEC Fines Delphia/Company");
  });

  it("counts a lone sentence-initial word only when the document also writes it mid-sentence", () => {
    const known = midSentenceNames(["In May, Thomson Reuters sued Ross."]);
    expect(names("Ross has since gone out of business.", [...known])).toEqual(["Ross/Company"]);
  });
});

describe("commonNameHits", () => {
  it("finds instruments named by a common noun and quoted Chinese products", () => {
    expect(commonNameHits("").length).toBe(0);
    expect(
      commonNameHits("the FCC issued a unanimous declaratory ruling on AI voices").map((h) => `${h.nameEn}/${h.label}`),
    ).toEqual(["declaratory ruling/Law"]);
    expect(commonNameHits("MiniMax及其产品“海螺AI”在训练中").map((h) => `${h.nameZh}/${h.label}`)).toEqual([
      "海螺AI/Model",
    ]);
  });
});
