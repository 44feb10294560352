/** The candidates file for the documents of one run: new entities and cases once, then sources and relationships. */
import type { CandidateEntity, CandidatesFile } from "../candidates.js";
import { CANDIDATES_KIND, CANDIDATES_VERSION } from "../candidates.js";
import type { DocumentResult, ExtractionRun } from "./context.js";

export function candidatesFile(run: ExtractionRun, results: DocumentResult[]): CandidatesFile {
  const matched = new Map<string, number>();
  for (const r of results) for (const [id, n] of r.matched) matched.set(id, (matched.get(id) ?? 0) + n);
  const referenced = new Set(results.flatMap((r) => r.relationships.flatMap((x) => [x.from, x.to])));
  const entities: CandidateEntity[] = [];
  for (const p of run.proposals.values()) {
    if (!referenced.has(p.matchOf ?? p.id)) continue;
    entities.push({
      id: p.id,
      label: p.label,
      ...(p.nameZh ? { nameZh: p.nameZh.slice(0, 300) } : {}),
      ...(p.nameEn ? { nameEn: p.nameEn.slice(0, 300) } : {}),
      aliases: [...p.aliases].filter((a) => a !== p.nameEn && a !== p.nameZh).slice(0, 50),
      ...(p.label === "Law" ? { kind: p.props.kind ?? "statute", status: "unknown" } : {}),
      ...(p.label === "Model" ? { modelKind: p.props.modelKind ?? "other" } : {}),
      ...(p.label === "Case" ? { caseKind: p.props.caseKind ?? "lawsuit", status: "unknown" } : {}),
      candidate: {
        status: p.matchOf ? "match" : "new",
        ...(p.matchOf ? { matchOf: p.matchOf, matchReason: p.matchReason } : {}),
        ...(p.possibleDuplicateOf ? { possibleDuplicateOf: p.possibleDuplicateOf, matchReason: p.matchReason } : {}),
        rule: p.rule,
        confidence: Math.round(p.confidence * 100) / 100,
        mentions: p.mentions,
      },
    });
  }
  for (const c of run.caseDrafts) {
    entities.push({
      id: c.id,
      label: "Case",
      nameZh: c.nameZh.slice(0, 300),
      ...(c.nameEn ? { nameEn: c.nameEn.slice(0, 300) } : {}),
      aliases: [],
      caseKind: c.kind,
      status: "unknown",
      ...(c.date ? { startDate: c.date } : {}),
      candidate: { status: "new", rule: c.rule, confidence: Math.round(c.confidence * 100) / 100, mentions: [] },
    });
  }
  return {
    kind: CANDIDATES_KIND,
    version: CANDIDATES_VERSION,
    generatedAt: new Date().toISOString(),
    documents: results.map((r) => r.document),
    matched: [...matched.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([id, mentions]) => {
        const e = run.dict.entities.get(id)!;
        return { id, label: e.label, name: e.nameZh ?? e.nameEn ?? id, mentions };
      }),
    entities,
    sources: results.flatMap((r) => r.sources) as CandidatesFile["sources"],
    relationships: results.flatMap((r) => r.relationships),
  };
}
