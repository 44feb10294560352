/**
 * How a set of regimes interconnect, read the way a lawyer compares them: first article by article (provisions that
 * correspond, provisions that refer to the other law, provisions that both correspond to the same provision of a
 * third regime), then by shared enforcement (a case citing both, an authority enforcing both), and only then by the
 * incidental links of the graph (a topic, a company). Every sentence names the relationships it rests on.
 */
import { cypher } from "../../db/cypher.js";
import type { Db } from "../../db/driver.js";
import type { PlainPath } from "../../db/values.js";
import type { Lang } from "../../model/index.js";
import { NotFoundError } from "../../errors.js";
import { appliesFrom, explainPath, nameIn, provisionName, type Connection } from "./explain.js";
import { pathQuery } from "./graph.service.js";
import { toWireGraph, type NodeRow, type RelRow } from "./serialize.js";

export interface RegimesInput {
  laws: string[];
  maxHops: number;
  limit: number;
  lang: Lang;
}

export interface RegimePair {
  a: string;
  b: string;
  connected: boolean;
  connections: Connection[];
}

/** The nodes and relationships of some paths, for drawing. */
class Drawing {
  readonly nodes: NodeRow[] = [];
  readonly rels: RelRow[] = [];
  add(...paths: (PlainPath | null)[]): void {
    for (const path of paths) {
      if (!path) continue;
      const idOf = new Map(path.nodes.map((n) => [n.elementId, String(n.properties.id)]));
      this.nodes.push(...path.nodes.map((n) => ({ labels: n.labels, props: n.properties })));
      this.rels.push(
        ...path.relationships.map((r) => ({
          type: r.type,
          from: idOf.get(r.startElementId)!,
          to: idOf.get(r.endElementId)!,
          props: r.properties,
        })),
      );
    }
  }
}

const sentenceEnd = (s: string, lang: Lang) => (/[.。!?！？]$/.test(s) ? s : `${s}${lang === "zh" ? "。" : "."}`);
const relIds = (...paths: (PlainPath | null)[]) =>
  paths.flatMap((p) => (p ? p.relationships.map((r) => String(r.properties.id)) : []));

async function provisionLinks(db: Db, a: string, b: string, lang: Lang, drawing: Drawing): Promise<Connection[]> {
  type Row = { path: PlainPath; endLaw: PlainPath | null; startDates: (string | null)[]; endDates: (string | null)[] };
  const rows = await db.read<Row>(cypher("api/regime-provision-links"), { a, b });
  return rows.map(({ path, endLaw, startDates, endDates }) => {
    drawing.add(path, endLaw);
    const [, start, end] = path.nodes;
    const rel = path.relationships[1];
    const p = rel.properties;
    const A = `${provisionName(start.properties, lang)}${appliesFrom(startDates, lang)}`;
    const endIsLaw = end.labels.includes("Law");
    const B = endIsLaw
      ? nameIn(end.properties, lang)
      : `${provisionName(end.properties, lang)}${appliesFrom(endDates, lang)}`;
    const corresponds = rel.type === "CORRESPONDS_TO";
    const explanation = corresponds
      ? lang === "zh"
        ? `${A}与${B}均涉及${String(p.themeZh)}：${sentenceEnd(String(p.differenceZh), lang)}`
        : `${A} and ${B} both concern ${String(p.theme)}: ${sentenceEnd(String(p.differenceEn), lang)}`
      : sentenceEnd(lang === "zh" ? `${A}援引${B}` : `${A} refers to ${B}`, lang);
    return {
      kind: corresponds ? "provision" : "reference",
      from: String(start.properties.id),
      to: String(end.properties.id),
      via: [],
      explanation,
      relationshipIds: relIds(path, endLaw),
    } satisfies Connection;
  });
}

async function sharedCounterparts(
  db: Db,
  a: string,
  b: string,
  lang: Lang,
  limit: number,
  drawing: Drawing,
): Promise<Connection[]> {
  const rows = await db.read<{ path: PlainPath; thirdLaw: Record<string, unknown> }>(
    cypher("api/regime-shared-counterparts"),
    { a, b, limit },
  );
  return rows.map(({ path }) => {
    drawing.add(path);
    const [, pa, pc, pb] = path.nodes;
    const themes = [
      ...new Set(path.relationships.slice(1, 3).map((r) => String(r.properties[lang === "zh" ? "themeZh" : "theme"]))),
    ];
    const [A, C, B] = [pa, pc, pb].map((n) => provisionName(n.properties, lang));
    const explanation =
      lang === "zh"
        ? `${A}与${B}均对应${C}（${themes.join("；")}），可经由该条逐条比较。`
        : `${A} and ${B} both correspond to ${C} (${themes.join("; ")}), which lets them be compared through it.`;
    return {
      kind: "shared-counterpart",
      from: String(pa.properties.id),
      to: String(pb.properties.id),
      via: [{ id: String(pc.properties.id), type: "Provision", label: nameIn(pc.properties, lang) }],
      explanation,
      relationshipIds: relIds(path),
    } satisfies Connection;
  });
}

async function pathConnections(
  db: Db,
  query: string,
  params: Record<string, unknown>,
  lang: Lang,
  kind: Connection["kind"],
  drawing: Drawing,
): Promise<Connection[]> {
  const rows = await db.read<{ path: PlainPath }>(query, params);
  return rows.map(({ path }) => {
    drawing.add(path);
    return explainPath(path, lang, kind);
  });
}

export async function regimes(db: Db, input: RegimesInput) {
  const { laws, maxHops, limit, lang } = input;
  const found = await db.read<{ id: string }>("MATCH (l:Law) WHERE l.id IN $laws RETURN l.id AS id", { laws });
  const missing = laws.filter((id) => !found.some((f) => f.id === id));
  if (missing.length > 0) throw new NotFoundError(`No law has the id '${missing[0]}'.`);
  const drawing = new Drawing();
  const pairs: RegimePair[] = [];
  for (let i = 0; i < laws.length; i++) {
    for (let j = i + 1; j < laws.length; j++) {
      const [a, b] = [laws[i], laws[j]];
      const links = await provisionLinks(db, a, b, lang, drawing);
      const shared = await sharedCounterparts(db, a, b, lang, limit, drawing);
      const enforcement = await pathConnections(
        db,
        cypher("api/regime-enforcement"),
        { a, b, limit },
        lang,
        "enforcement",
        drawing,
      );
      const incidental = await pathConnections(
        db,
        pathQuery("api/regime-paths", maxHops),
        { from: a, to: b, limit },
        lang,
        "incidental",
        drawing,
      );
      // An enforcement path found again among the shortest paths is said once, as enforcement.
      const said = new Set(enforcement.map((c) => c.relationshipIds.join()));
      const connections = [
        ...links.filter((c) => c.kind === "provision"),
        ...links.filter((c) => c.kind === "reference"),
        ...shared,
        ...enforcement,
        ...incidental.filter((c) => !said.has(c.relationshipIds.join())),
      ];
      pairs.push({ a, b, connected: connections.length > 0, connections });
    }
  }
  return { laws, lang, graph: toWireGraph(drawing.nodes, drawing.rels), pairs };
}
