/**
 * Connections between entities in words, in English or Chinese: a path read hop by hop in the direction each
 * relationship really has, and the sentences of the regime view (provision-level correspondences first).
 */
import type { PlainPath } from "../../db/values.js";
import type { Lang } from "../../model/index.js";
import { CONNECTION_KINDS } from "../../model/wire-constants.js";
import type { Connection, ConnectionKind, PathHop } from "../../model/wire.js";
import { entityType } from "./serialize.js";

/** How one relationship reads in a sentence, from its start to its end. */
const VERBS: Record<Lang, Record<string, string>> = {
  en: {
    INVESTIGATES: "investigates",
    SUES: "sues",
    ACCUSES: "accuses",
    FINES: "fines",
    CITES: "cites",
    ISSUES: "issued",
    DEVELOPS: "develops",
    RULES_ON: "ruled on",
    HEARS: "hears",
    PARTY_TO: "is party to",
    SIGNS: "signed",
    IMPLEMENTS: "implements",
    AMENDS: "amends",
    ADDRESSES: "addresses",
    APPLIES_IN: "applies in",
    BASED_IN: "is based in",
    ENFORCES: "enforces",
    INVOLVES: "involves",
    PART_OF: "is part of",
    REPORTED_IN: "is reported in",
    HAS_PROVISION: "contains",
    IMPOSES: "imposes",
    BINDS: "binds",
    DEFINED_BY: "is defined by",
    SETS: "sets",
    PENALISED_BY: "is penalised by",
    CORRESPONDS_TO: "corresponds to",
    REFERS_TO: "refers to",
  },
  zh: {
    INVESTIGATES: "调查",
    SUES: "起诉",
    ACCUSES: "指控",
    FINES: "处罚",
    CITES: "引用",
    ISSUES: "发布",
    DEVELOPS: "开发",
    RULES_ON: "裁决",
    HEARS: "审理",
    PARTY_TO: "是当事方：",
    SIGNS: "签署",
    IMPLEMENTS: "实施",
    AMENDS: "修改",
    ADDRESSES: "涉及",
    APPLIES_IN: "适用于",
    BASED_IN: "位于",
    ENFORCES: "执行",
    INVOLVES: "涉及",
    PART_OF: "隶属于",
    REPORTED_IN: "见于",
    HAS_PROVISION: "包含",
    IMPOSES: "规定",
    BINDS: "约束",
    DEFINED_BY: "定义于",
    SETS: "设定",
    PENALISED_BY: "罚则为",
    CORRESPONDS_TO: "对应",
    REFERS_TO: "援引",
  },
};

export function verb(type: string, lang: Lang): string {
  return VERBS[lang][type] ?? type.toLowerCase();
}

/** An entity's name in the chosen language, the other language's when it has none. */
export function nameIn(props: Record<string, unknown>, lang: Lang): string {
  const preferred = lang === "zh" ? (props.nameZh ?? props.nameEn) : (props.nameEn ?? props.nameZh);
  return String(preferred ?? props.title ?? props.id ?? "");
}

/** A provision as a sentence names it: its law and article ("AI Act Art. 50(2)"), without the subject after the colon. */
export function provisionName(props: Record<string, unknown>, lang: Lang): string {
  return nameIn(props, lang).split(/[:：]/)[0].trim();
}

/** "(applies from 2026-08-02)" from the earliest application date of a provision's obligations, or nothing. */
export function appliesFrom(dates: (string | null)[], lang: Lang): string {
  const first = dates.filter((d): d is string => Boolean(d)).sort()[0];
  if (!first) return "";
  return lang === "zh" ? `（${first}起适用）` : ` (applies from ${first})`;
}

export { CONNECTION_KINDS, type Connection, type ConnectionKind };

/** One hop of a path: the wire's PathHop. */
export type Hop = PathHop;

export function hopsOf(path: PlainPath): Hop[] {
  const idOf = new Map(path.nodes.map((n) => [n.elementId, String(n.properties.id)]));
  return path.relationships.map((r, i) => {
    const from = String(path.nodes[i].properties.id);
    const to = String(path.nodes[i + 1].properties.id);
    return {
      from,
      to,
      type: r.type,
      direction: idOf.get(r.startElementId) === from ? "forward" : "backward",
      relationshipId: String(r.properties.id),
    };
  });
}

const LEAD: Record<
  Lang,
  {
    Topic: string;
    Case: string;
    Regulator: string;
    other: string;
    through: (a: string, b: string, via: string) => string;
  }
> = {
  en: {
    Topic: "Both address",
    Case: "Both figure in the case",
    Regulator: "Both are tied to the regulator",
    other: "Both are linked to",
    through: (a, b, via) => `${a} and ${b} connect through ${via}`,
  },
  zh: {
    Topic: "二者均涉及",
    Case: "二者均见于案件",
    Regulator: "二者均与监管机构相关：",
    other: "二者均关联",
    through: (a, b, via) => `${a}与${b}经由${via}相连`,
  },
};

/** A path between two entities in words, each hop in its true direction ("X investigates Y", never the reverse). */
export function explainPath(path: PlainPath, lang: Lang, kind: ConnectionKind = "incidental"): Connection {
  const byElement = new Map(path.nodes.map((n) => [n.elementId, n]));
  const name = (n: PlainPath["nodes"][number]) => nameIn(n.properties, lang);
  const steps = path.relationships.map((r) => {
    const s = byElement.get(r.startElementId)!;
    const e = byElement.get(r.endElementId)!;
    const where = r.properties.article ?? r.properties.referenceProvision;
    const article = where ? (lang === "zh" ? `（${String(where)}）` : ` (${String(where)})`) : "";
    return lang === "zh"
      ? `${name(s)}${verb(r.type, lang)}${name(e)}${article}`
      : `${name(s)} ${verb(r.type, lang)} ${name(e)}${article}`;
  });
  const inner = path.nodes.slice(1, -1);
  const first = path.nodes[0];
  const last = path.nodes[path.nodes.length - 1];
  const L = LEAD[lang];
  const sep = lang === "zh" ? "：" : ": ";
  let lead = "";
  if (inner.length === 1) {
    const type = entityType(inner[0].labels);
    const both = type === "Topic" || type === "Case" || type === "Regulator" ? L[type] : L.other;
    lead = `${both}${lang === "zh" ? "" : " "}${name(inner[0])}${sep}`;
  } else if (inner.length > 1) {
    lead = `${L.through(name(first), name(last), inner.map(name).join(lang === "zh" ? "、" : ", "))}${sep}`;
  }
  return {
    kind,
    from: String(first.properties.id),
    to: String(last.properties.id),
    via: inner.map((n) => ({ id: String(n.properties.id), type: entityType(n.labels), label: name(n) })),
    explanation: `${lead}${steps.join(lang === "zh" ? "；" : "; ")}${lang === "zh" ? "。" : "."}`,
    relationshipIds: path.relationships.map((r) => String(r.properties.id)),
  };
}
