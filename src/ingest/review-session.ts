/**
 * The terminal review flow: every candidate relationship (highest confidence first) is shown with its endpoints,
 * quote, source and rule, and the reviewer accepts, rejects or edits it; then the new entities and proposed matches
 * the accepted relationships need. PARTY_TO edges follow the relationship they were derived from. Input and output
 * go through an `ask`/`print` pair, so that the flow runs on node:readline in the CLI and on scripted answers in
 * tests.
 */
import type { CandidateRelationship, CandidatesFile } from "./candidates.js";
import type { Decision, Decisions } from "./review.js";
import { followPartyTo, MIN_AUTO_ENTITY_CONFIDENCE } from "./review.js";

export interface ReviewIo {
  ask(question: string): Promise<string>;
  print(text: string): void;
}

const EDITABLE_RELATIONSHIP_FIELDS = ["type", "from", "to", "case", "quote", "date", "article"] as const;
const EDITABLE_ENTITY_FIELDS = ["id", "nameZh", "nameEn"] as const;

function describe(file: CandidatesFile, id: string | undefined): string {
  if (!id) return "";
  const e = file.entities.find((x) => x.id === id);
  if (e)
    return `${(e.nameZh as string) ?? (e.nameEn as string) ?? id} (${id}, ${e.candidate.status === "match" ? `match of ${e.candidate.matchOf}` : "new"})`;
  const m = file.matched.find((x) => x.id === id);
  return m ? `${m.name} (${id})` : id;
}

async function edit(
  io: ReviewIo,
  current: Record<string, unknown>,
  fields: readonly string[],
): Promise<Record<string, unknown>> {
  const edits: Record<string, unknown> = {};
  for (const f of fields) {
    const answer = (await io.ask(`    ${f} [${current[f] ?? ""}]: `)).trim();
    if (answer) edits[f] = answer;
  }
  return edits;
}

/** Asks about each candidate; returns the decisions for assembleReviewed. */
export async function interactiveDecisions(
  file: CandidatesFile,
  io: ReviewIo,
  options: { includeExisting?: boolean } = {},
): Promise<Decisions> {
  const decisions: Decisions = { relationships: new Map(), entities: new Map() };
  const shown = file.relationships
    .filter((r) => r.type !== "PARTY_TO" && (options.includeExisting || !r.candidate.existing))
    .sort((a, b) => b.candidate.confidence - a.candidate.confidence);
  let rest: "accept" | "reject" | undefined;
  let threshold = 1;
  io.print(
    `${shown.length} candidate relationship(s) to review. Answers: a accept, r reject, e edit, A accept the rest at or above this confidence, R reject the rest, q stop (the rest rejected).`,
  );
  for (const [i, r] of shown.entries()) {
    const c = r.candidate;
    if (rest === "reject" || (rest === "accept" && c.confidence < threshold)) {
      decisions.relationships.set(c.id, { verdict: "reject" });
      continue;
    }
    if (rest === "accept") {
      decisions.relationships.set(c.id, { verdict: "accept" });
      continue;
    }
    const rel = r as CandidateRelationship & { case?: string; quote?: string; date?: string; article?: string };
    const source = file.sources.find((s) => (rel as { sources?: string[] }).sources?.includes(s.id)) as
      { title?: string; date?: string } | undefined;
    io.print(
      [
        ``,
        `[${i + 1}/${shown.length}] ${r.type}  confidence ${c.confidence}  rule ${c.rule}${c.existing ? "  (already in the graph)" : ""}`,
        `  ${describe(file, r.from)}  ->  ${describe(file, r.to)}${rel.case ? `   case: ${describe(file, rel.case)}` : ""}${rel.article ? `   article: ${rel.article}` : ""}`,
        `  "${rel.quote ?? ""}"`,
        `  source: ${source?.title ?? ""}${source?.date ? ` (${source.date})` : ""}   [${c.evidence.document} ${c.evidence.start}-${c.evidence.end}]`,
      ].join("\n"),
    );
    let decision: Decision | undefined;
    while (!decision) {
      const answer = (await io.ask("  [a/r/e/A/R/q] > ")).trim();
      if (answer === "a" || answer === "") decision = { verdict: "accept" };
      else if (answer === "r") decision = { verdict: "reject" };
      else if (answer === "e")
        decision = { verdict: "accept", edits: await edit(io, rel, EDITABLE_RELATIONSHIP_FIELDS) };
      else if (answer === "A") {
        rest = "accept";
        threshold = c.confidence;
        decision = { verdict: "accept" };
      } else if (answer === "R" || answer === "q") {
        rest = "reject";
        decision = { verdict: "reject" };
      } else
        io.print(
          "  a accept, r reject, e edit, A accept the rest at or above this confidence, R reject the rest, q stop",
        );
    }
    decisions.relationships.set(c.id, decision);
  }

  followPartyTo(file, decisions);
  const accepted = file.relationships.filter((r) => decisions.relationships.get(r.candidate.id)?.verdict === "accept");

  // The entities the accepted relationships need.
  const needed = new Set(
    accepted.flatMap((r) => [r.from, r.to, (r as { case?: string }).case].filter(Boolean) as string[]),
  );
  for (const e of file.entities) {
    const usedAsMatch = e.candidate.status === "match" && needed.has(e.candidate.matchOf!);
    if (!needed.has(e.id) && !usedAsMatch) continue;
    if (e.label === "Case") {
      decisions.entities.set(e.id, { verdict: "accept" });
      continue;
    }
    const mention = e.candidate.mentions[0]?.text ?? "";
    io.print(
      e.candidate.status === "match"
        ? `\n'${mention}' was linked to ${describe(file, e.candidate.matchOf)}: ${e.candidate.matchReason ?? ""}`
        : `\nNew ${e.label}: ${(e.nameZh as string) ?? ""} ${(e.nameEn as string) ?? ""} (${e.id}), rule ${e.candidate.rule}, confidence ${e.candidate.confidence}`,
    );
    let decision: Decision | undefined;
    while (!decision) {
      const answer = (
        await io.ask(
          e.candidate.status === "match"
            ? "  [a accept the match / r reject it, dropping its relationships] > "
            : "  [a/r/e] > ",
        )
      ).trim();
      if (
        answer === "a" ||
        (answer === "" && (e.candidate.status === "match" || e.candidate.confidence >= MIN_AUTO_ENTITY_CONFIDENCE))
      )
        decision = { verdict: "accept" };
      else if (answer === "r" || answer === "q") decision = { verdict: "reject" };
      else if (answer === "e" && e.candidate.status !== "match")
        decision = { verdict: "accept", edits: await edit(io, e, EDITABLE_ENTITY_FIELDS) };
    }
    decisions.entities.set(e.id, decision);
  }
  return decisions;
}
