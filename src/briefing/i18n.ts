/**
 * The briefing's words in English and Chinese: section titles, table headings, labels of the model's enums, and the
 * sentence patterns facts are written in. Data names come from the graph (nameEn/nameZh, whichever the language
 * prefers and the graph has); quotes stay verbatim in the language of their source.
 */
import type { Activity, Lang } from "./model.js";

export interface NameLike {
  id: string;
  nameEn?: string | null;
  nameZh?: string | null;
  title?: string | null;
}

/** The entity's name in the chosen language, else in the other, else its id. */
export function nameIn(lang: Lang, e: NameLike): string {
  const first = lang === "zh" ? e.nameZh : e.nameEn;
  const second = lang === "zh" ? e.nameEn : e.nameZh;
  return (first || second || e.title || e.id).trim();
}

type Labels = Record<string, string>;

export interface Strings {
  title: string;
  subject: string;
  home: string;
  homeUnknown: string;
  activities: string;
  markets: string;
  asOf: string;
  checksum: string;
  generatedAt: string;
  topicsConsidered: string;
  topicFrom: { activity: string; graph: string };
  /** "label: value" and "text (note)" in the language's punctuation. */
  labelled: (label: string, value: string) => string;
  aside: (text: string, note: string) => string;
  noneGiven: string;
  sections: {
    summary: string;
    markets: string;
    laws: string;
    regulators: string;
    precedents: string;
    exposure: string;
    exposureCases: string;
    models: string;
    crosswalk: string;
    risks: string;
    appendixFormula: string;
    appendixMethod: string;
    appendixEvidence: string;
  };
  summaryHeaders: {
    market: string;
    laws: string;
    regulators: string;
    enforcement: string;
    litigation: string;
    risk: string;
  };
  crosswalkHeaders: { topic: string; home: string; target: string; both: string };
  crosswalkSide: (side: string, jurisdiction: string) => string;
  riskLevels: Labels;
  caseKinds: Labels;
  caseStatuses: Labels;
  lawKinds: Labels;
  lawStatuses: Labels;
  modelKinds: Labels;
  roles: Labels;
  activityLabels: Record<Activity, string>;
  scopes: Labels;
  comparability: Labels;
  bearing: (b: string, markets: Map<string, string>) => string;
  undated: string;
  reportedOn: (d: string) => string;
  none: string;
  yes: string;
  notes: {
    summary: string;
    noLaws: string;
    noRegulators: string;
    noPrecedents: string;
    noOwnCases: string;
    noModels: string;
    profileExposure: string;
    profileKnownAs: (ids: string[]) => string;
    noCrosswalkLaw: (jur: string) => string;
    sameJurisdiction: string;
    noHome: string;
    noTopics: string;
    noEvidence: (subject: string, markets: string) => string;
    generalOnly: string;
    relevantActivities: (acts: string) => string;
    truncated: (shown: number) => string;
    evidenceAppendix: string;
    curatedReference: string;
    relationships: string;
  };
  sentences: {
    basedIn: (subject: string, home: string) => string;
    regulator: (name: string, jurisdiction: string) => string;
    law: (p: {
      name: string;
      identifier?: string;
      kind: string;
      status: string;
      issued?: string;
      effective?: string;
      jurisdiction: string;
      scope: string;
      issuers: string[];
      topics: string[];
    }) => string;
    action: (p: {
      date?: string;
      actor: string;
      type: string;
      role?: string;
      target: string;
      caseName?: string;
    }) => string;
    caseMain: (p: {
      date: string;
      name: string;
      kind: string;
      status: string;
      targets: string[];
      topics: string[];
      subjectRole?: string;
    }) => string;
    caseOutcome: (outcome: string) => string;
    caseLaws: (laws: string[]) => string;
    model: (p: { subject: string; model: string; kind: string; released?: string }) => string;
    modelCases: (p: { model: string; cases: string[] }) => string;
    crosswalkCell: (p: { law: string; provision?: string; jurisdiction?: string }) => string;
    withProvision: (name: string, provision?: string) => string;
    riskLaw: (p: { name: string; date?: string; appliesIn: string[]; signers: string[]; issuers: string[] }) => string;
  };
  formula: {
    intro: string;
    terms: Record<string, string>;
    thresholds: (medium: number, high: number) => string;
    cap: (n: number) => string;
    line: (market: string, parts: string, total: number, level: string) => string;
  };
  method: (p: { activityMap: string; recent: number; window: number }) => string[];
}

const list = (lang: Lang, items: string[]) => items.join(lang === "zh" ? "、" : ", ");

const EN: Strings = {
  title: "Outbound-expansion risk briefing",
  subject: "Subject",
  home: "Home jurisdiction",
  homeUnknown: "not recorded in the graph",
  activities: "Activities",
  markets: "Target markets",
  asOf: "As of",
  checksum: "Graph checksum",
  generatedAt: "Generated at",
  topicsConsidered: "Topics considered",
  topicFrom: { activity: "from the activities", graph: "from the subject's cases in the graph" },
  labelled: (label, value) => `${label}: ${value}`,
  aside: (text, note) => `${text} (${note})`,
  noneGiven: "none given",
  sections: {
    summary: "1. Summary: exposure by market",
    markets: "2. Target markets",
    laws: "Laws and guidance in the graph",
    regulators: "Regulators and courts that acted",
    precedents: "Cases against the subject or comparable companies (most recent first)",
    exposure: "5. The client's own record in the graph",
    exposureCases: "Cases, lawsuits and accusations",
    models: "Models and what they are involved in",
    crosswalk: "6. Crosswalk of regimes by topic: home beside target",
    risks: "7. Outbound risk themes (background)",
    appendixFormula: "Appendix A. Exposure: formula and numbers",
    appendixMethod: "Appendix B. Method and limits",
    appendixEvidence: "Appendix C. Evidence",
  },
  summaryHeaders: {
    market: "Market",
    laws: "Laws and guidance (on the activities)",
    regulators: "Regulators active (24 months)",
    enforcement: "Enforcement against subject or comparable companies (12 / 24 months)",
    litigation: "Lawsuits and accusations (subject / peers)",
    risk: "Risk level (points)",
  },
  crosswalkHeaders: { topic: "Topic", home: "Home regime", target: "Target regime", both: "Both address it" },
  crosswalkSide: (side, jur) => `${side}: ${jur}`,
  riskLevels: { low: "low", medium: "medium", high: "high" },
  caseKinds: {
    investigation: "investigation",
    lawsuit: "lawsuit",
    ruling: "ruling",
    enforcement: "enforcement action",
    accusation: "accusation",
    administrative_penalty: "administrative penalty",
    criminal: "criminal case",
  },
  caseStatuses: {
    open: "open",
    pending: "pending",
    decided: "decided",
    closed: "closed",
    settled: "settled",
    unknown: "status unknown",
  },
  lawKinds: {
    statute: "statute",
    regulation: "regulation",
    measures: "measures",
    guideline: "guideline",
    standard: "standard",
    code_of_practice: "code of practice",
    declaration: "declaration",
    plan: "plan",
    opinion: "opinion",
    report: "report",
    executive_order: "executive order",
    judicial_interpretation: "judicial interpretation",
  },
  lawStatuses: {
    proposed: "proposed",
    draft: "draft",
    adopted: "adopted",
    in_force: "in force",
    not_yet_in_force: "not yet in force on the as-of date",
    repealed: "repealed",
    unknown: "status unknown",
  },
  modelKinds: {
    llm: "language model",
    multimodal: "multimodal model",
    image: "image model",
    video: "video model",
    audio: "audio model",
    agent: "agent",
    product: "product",
    other: "model",
  },
  roles: {
    plaintiff: "plaintiff",
    defendant: "defendant",
    complainant: "complainant",
    respondent: "respondent",
    accuser: "accuser",
    accused: "accused",
    investigator: "investigator",
    investigated: "investigated",
    authority: "authority",
    signatory: "signatory",
    third_party: "third party",
    model: "through its model",
  },
  activityLabels: {
    foundation_models: "foundation models",
    open_weights: "open weights",
    model_api: "model API",
    consumer_chatbot: "consumer chatbot",
    image_video_generation: "image or video generation",
    devices_robots: "devices or robots",
    processes_target_residents_data: "processes data of the target market's residents",
    high_risk_systems: "high-risk AI systems (EU Annex III, Korean high-impact AI)",
  },
  scopes: { market: "", ancestor: "", part: " (in part of the market)" },
  comparability: { subject: "the subject itself", home: "same home jurisdiction", topic: "same activities or topics" },
  bearing: (b, markets) =>
    b === "subject"
      ? "bears on the subject"
      : b === "peer"
        ? "bears on a company of the same home"
        : b === "home"
          ? "bears on the home jurisdiction"
          : b === "general"
            ? "general: tied to no party or market in the graph"
            : `bears on ${markets.get(b.slice("market:".length)) ?? b.slice("market:".length)}`,
  undated: "Undated",
  reportedOn: (d) => `Reported ${d}`,
  none: "none in the graph",
  yes: "yes",
  notes: {
    summary:
      "Counts are itemised, each with its citations, in section 2; Appendix A shows how each risk level is computed.",
    noLaws: "The graph holds no law or guidance that applies in this market.",
    noRegulators: "The graph records no act of a regulator or court of this market up to the as-of date.",
    noPrecedents:
      "The graph records no case in this market against the subject or a comparable company up to the as-of date.",
    noOwnCases: "The graph records no case, lawsuit or accusation involving the subject up to the as-of date.",
    noModels: "The graph records no model of the subject.",
    profileExposure: "The subject is a profile, not an entity of the graph: the graph holds no record of its own.",
    profileKnownAs: (ids) =>
      `The graph holds a company of this name (${ids.join(", ")}); brief it by id to include its own record.`,
    noCrosswalkLaw: (jur) => `no law of ${jur} in the graph addresses this topic`,
    sameJurisdiction: "The home and the market are the same jurisdiction.",
    noHome: "The graph records no home jurisdiction for the subject; only the target side is shown.",
    noTopics:
      "No activities were given and the graph holds no obligation topic for the subject's own cases: laws are not matched to activities, and comparable companies are those of the same home only. Give the activities to sharpen the briefing.",
    noEvidence: (subject, markets) => `No evidence in the graph bears on this theme for ${subject} or for ${markets}.`,
    generalOnly:
      "The graph ties no evidence on this theme to the subject, its home or the target markets; the items below are general.",
    relevantActivities: (acts) => `Especially relevant to the activities: ${acts}.`,
    truncated: (shown) => `Only the ${shown} most recent are shown.`,
    evidenceAppendix:
      "Each number cites a relationship of the graph: the source document with its date, publisher and URL and the verbatim quote, or for editorial (curated) links the official text.",
    curatedReference: "Official reference (curated link)",
    relationships: "graph relationships",
  },
  sentences: {
    basedIn: (subject, home) => `${subject} is based in ${home}.`,
    regulator: (name, jurisdiction) => `${name}, based in ${jurisdiction}:`,
    law: (p) =>
      `${p.name}${p.identifier ? ` (${p.identifier})` : ""}: ${p.kind}, ${p.status}` +
      `${p.issued ? `, issued ${p.issued}` : ""}${p.effective ? `, effective ${p.effective}` : ""}; applies in ${p.jurisdiction}${p.scope}` +
      `${p.issuers.length ? `; issued by ${p.issuers.join(", ")}` : ""}${p.topics.length ? `; addresses ${p.topics.join(", ")}` : ""}.`,
    action: (p) => {
      const verb: Record<string, string> = {
        FINES: "fined",
        INVESTIGATES: "investigated",
        RULES_ON: "ruled on",
        HEARS: "is hearing",
        ACCUSES: "accused",
        SUES: "sued",
        PARTY_TO: `acted as ${p.role ?? "authority"} in`,
        ISSUES: "issued",
        ENFORCES: "enforces",
      };
      const when = p.date ? `${p.date}: ` : "";
      const inCase = p.caseName && p.caseName !== p.target ? ` (${p.caseName})` : "";
      return `${when}${p.actor} ${verb[p.type] ?? p.type.toLowerCase()} ${p.target}${inCase}.`;
    },
    caseMain: (p) =>
      `${p.date}: ${p.name} (${p.kind}, ${p.status})${p.targets.length ? `, against ${p.targets.join(", ")}` : ""}` +
      `${p.subjectRole ? `; the subject's role: ${p.subjectRole}` : ""}${p.topics.length ? `; topics: ${p.topics.join(", ")}` : ""}.`,
    caseOutcome: (o) => `Outcome: ${o}`,
    caseLaws: (laws) => `Laws cited: ${laws.join(", ")}.`,
    model: (p) => `${p.subject} develops ${p.model} (${p.kind}${p.released ? `, released ${p.released}` : ""}).`,
    modelCases: (p) => `${p.model} is involved in: ${p.cases.join("; ")}.`,
    crosswalkCell: (p) =>
      `${p.law}${p.provision ? ` ${p.provision}` : ""}${p.jurisdiction ? ` (${p.jurisdiction})` : ""}`,
    withProvision: (name, provision) => `${name}${provision ? ` (${provision})` : ""}`,
    riskLaw: (p) =>
      `${p.name}${p.date ? ` (${p.date})` : ""}` +
      `${p.appliesIn.length ? `; applies in ${p.appliesIn.join(", ")}` : ""}` +
      `${p.signers.length ? `; signed by ${p.signers.join(", ")}` : ""}` +
      `${p.issuers.length ? `; issued by ${p.issuers.join(", ")}` : ""}.`,
  },
  formula: {
    intro:
      "Each market gets points: each count below (from the market's section of this briefing) times its weight, some counts capped; the points give the level.",
    terms: {
      subjectEnforcement: "enforcement actions against the subject in the market, last 24 months",
      subjectLitigation: "lawsuits and accusations involving the subject in the market",
      peerEnforcement12: "enforcement actions against comparable companies, last 12 months",
      peerEnforcement12to24: "enforcement actions against comparable companies, 12 to 24 months before",
      peerLitigation: "lawsuits and accusations against comparable companies",
      regulatorsActive: "regulators and courts of the market that acted in the last 24 months",
      lawsOnActivities: "laws and guidance in force that address the subject's topics",
    },
    thresholds: (m, h) => `Level: low below ${m} points, medium from ${m}, high from ${h}.`,
    cap: (n) => `at most ${n}`,
    line: (market, parts, total, level) => `${market}: ${parts} = ${total} point${total === 1 ? "" : "s"}, ${level}.`,
  },
  method: (p) => [
    "Everything in sections 1 to 5 is read from the graph by the Cypher files in cypher/briefing/; nothing is typed by hand.",
    `Activities map to graph topics as follows: ${p.activityMap}. For a company, the topics of its own cases in the graph are added.`,
    "A case takes place in a market when an authority, investigator, plaintiff, complainant or accuser of it, or a court or regulator ruling on it, is based in the market (or in what the market is part of, or in a part of it, through PART_OF), or when a law it cites applies there.",
    "A company is comparable when it has the subject's home jurisdiction, or when the case against it addresses one of the subject's topics. A case is against the parties that are defendant, respondent, accused or investigated, and against the ends of its INVESTIGATES, FINES, SUES and ACCUSES edges.",
    "Enforcement: investigations, enforcement actions, administrative penalties, criminal cases. Lawsuits and accusations: lawsuits, accusations, rulings.",
    `Only events up to the as-of date count. A case is dated by its start date, else the earliest date of its relationships, else its end date, else the earliest date of its sources ("reported"); recent means the last ${p.recent} months, the window the last ${p.window} months before the as-of date. Undated items with undated sources are kept.`,
    "Laws and guidance apply in a market through APPLIES_IN to the market, to what it is part of (the EU for a member state), or to a part of it (marked). A law issued after the as-of date is left out; one whose effective date is later is marked as not yet in force.",
    "Absence from the graph is not absence in the world: the graph holds what the curated newsletters reported and the editorial links of DOMAIN.md.",
  ],
};

const ZH: Strings = {
  title: "出海合规风险简报",
  subject: "主体",
  home: "所在法域",
  homeUnknown: "图谱未记录",
  activities: "业务",
  markets: "目标市场",
  asOf: "截至日期",
  checksum: "图谱校验和",
  generatedAt: "生成时间",
  topicsConsidered: "涉及的议题",
  topicFrom: { activity: "来自业务", graph: "来自图谱中该主体的案件" },
  labelled: (label, value) => `${label}：${value}`,
  aside: (text, note) => `${text}（${note}）`,
  noneGiven: "未提供",
  sections: {
    summary: "一、概览：各市场风险敞口",
    markets: "二、目标市场",
    laws: "图谱中的法律与指引",
    regulators: "采取行动的监管机构与法院",
    precedents: "针对该主体或可比企业的案件（按时间由近及远）",
    exposure: "五、客户在图谱中的自身记录",
    exposureCases: "案件、诉讼与指控",
    models: "模型及其涉及的案件",
    crosswalk: "六、按议题的法规对照：母国与目标市场",
    risks: "七、出海风险主题（背景）",
    appendixFormula: "附录A 风险敞口：公式与数值",
    appendixMethod: "附录B 方法与局限",
    appendixEvidence: "附录C 证据",
  },
  summaryHeaders: {
    market: "市场",
    laws: "法律与指引（与业务相关）",
    regulators: "活跃监管机构（24个月）",
    enforcement: "针对主体或可比企业的执法（12 / 24个月）",
    litigation: "诉讼与指控（主体 / 同行）",
    risk: "风险等级（分数）",
  },
  crosswalkHeaders: { topic: "议题", home: "母国法规", target: "目标市场法规", both: "双方均有规定" },
  crosswalkSide: (side, jur) => `${side}（${jur}）`,
  riskLevels: { low: "低", medium: "中", high: "高" },
  caseKinds: {
    investigation: "调查",
    lawsuit: "诉讼",
    ruling: "裁判",
    enforcement: "执法行动",
    accusation: "指控",
    administrative_penalty: "行政处罚",
    criminal: "刑事案件",
  },
  caseStatuses: {
    open: "进行中",
    pending: "待决",
    decided: "已决",
    closed: "已结",
    settled: "已和解",
    unknown: "状态不详",
  },
  lawKinds: {
    statute: "法律",
    regulation: "法规",
    measures: "办法",
    guideline: "指引",
    standard: "标准",
    code_of_practice: "行为准则",
    declaration: "宣言",
    plan: "计划",
    opinion: "意见",
    report: "报告",
    executive_order: "行政令",
    judicial_interpretation: "司法解释",
  },
  lawStatuses: {
    proposed: "提案",
    draft: "草案",
    adopted: "已通过",
    in_force: "现行有效",
    not_yet_in_force: "截至日期尚未生效",
    repealed: "已废止",
    unknown: "状态不详",
  },
  modelKinds: {
    llm: "语言模型",
    multimodal: "多模态模型",
    image: "图像模型",
    video: "视频模型",
    audio: "音频模型",
    agent: "智能体",
    product: "产品",
    other: "模型",
  },
  roles: {
    plaintiff: "原告",
    defendant: "被告",
    complainant: "投诉方",
    respondent: "被申请方",
    accuser: "指控方",
    accused: "被指控方",
    investigator: "调查方",
    investigated: "被调查方",
    authority: "主管机关",
    signatory: "签署方",
    third_party: "第三方",
    model: "通过其模型",
  },
  activityLabels: {
    foundation_models: "基础模型",
    open_weights: "开源权重",
    model_api: "模型API",
    consumer_chatbot: "面向消费者的聊天机器人",
    image_video_generation: "图像或视频生成",
    devices_robots: "设备或机器人",
    processes_target_residents_data: "处理目标市场居民的数据",
    high_risk_systems: "高风险人工智能系统（欧盟附件三、韩国高影响人工智能）",
  },
  scopes: { market: "", ancestor: "", part: "（适用于市场的一部分）" },
  comparability: { subject: "主体本身", home: "同一母国", topic: "相同业务或议题" },
  bearing: (b, markets) =>
    b === "subject"
      ? "涉及该主体"
      : b === "peer"
        ? "涉及同一母国的企业"
        : b === "home"
          ? "涉及母国"
          : b === "general"
            ? "一般性证据：图谱未将其与任何当事方或市场关联"
            : `涉及${markets.get(b.slice("market:".length)) ?? b.slice("market:".length)}`,
  undated: "日期不详",
  reportedOn: (d) => `${d}报道`,
  none: "图谱中无",
  yes: "是",
  notes: {
    summary: "各项数字在第二部分逐项列出并附引注；附录A说明每个风险等级的计算方法。",
    noLaws: "图谱中没有适用于该市场的法律或指引。",
    noRegulators: "截至日期前，图谱未记录该市场监管机构或法院的任何行动。",
    noPrecedents: "截至日期前，图谱未记录该市场针对该主体或可比企业的案件。",
    noOwnCases: "截至日期前，图谱未记录涉及该主体的案件、诉讼或指控。",
    noModels: "图谱未记录该主体的模型。",
    profileExposure: "该主体为用户提供的企业画像，并非图谱中的实体：图谱中没有其自身记录。",
    profileKnownAs: (ids) => `图谱中有同名企业（${ids.join("、")}）；按其编号生成简报可包含其自身记录。`,
    noCrosswalkLaw: (jur) => `图谱中没有${jur}针对该议题的法律`,
    sameJurisdiction: "母国与目标市场为同一法域。",
    noHome: "图谱未记录该主体的所在法域；仅列出目标市场一方。",
    noTopics:
      "未提供业务，且图谱中该主体自身案件不涉及任何义务类议题：法律未与业务匹配，可比企业仅限同一母国的企业。提供业务可使简报更有针对性。",
    noEvidence: (subject, markets) => `图谱中没有涉及${subject}或${markets}的该主题证据。`,
    generalOnly: "图谱未将该主题的证据与该主体、其母国或目标市场关联；以下为一般性证据。",
    relevantActivities: (acts) => `与以下业务尤其相关：${acts}。`,
    truncated: (shown) => `仅列出最近的${shown}项。`,
    evidenceAppendix:
      "每个编号引用图谱中的一条关系：来源文件及其日期、发布者、网址和原文引语；编辑性（curated）关联则引用官方文本。",
    curatedReference: "官方依据（编辑性关联）",
    relationships: "图谱关系",
  },
  sentences: {
    basedIn: (subject, home) => `${subject}的所在法域为${home}。`,
    regulator: (name, jurisdiction) => `${name}（所在法域：${jurisdiction}）：`,
    law: (p) =>
      `${p.name}${p.identifier ? `（${p.identifier}）` : ""}：${p.kind}，${p.status}` +
      `${p.issued ? `，${p.issued}发布` : ""}${p.effective ? `，${p.effective}生效` : ""}；适用于${p.jurisdiction}${p.scope}` +
      `${p.issuers.length ? `；发布机构：${p.issuers.join("、")}` : ""}${p.topics.length ? `；涉及：${p.topics.join("、")}` : ""}。`,
    action: (p) => {
      const verb: Record<string, string> = {
        FINES: "处罚了",
        INVESTIGATES: "调查了",
        RULES_ON: "裁决了",
        HEARS: "正在审理",
        ACCUSES: "指控了",
        SUES: "起诉了",
        PARTY_TO: `作为${p.role ?? "主管机关"}参与了`,
        ISSUES: "发布了",
        ENFORCES: "负责执行",
      };
      const when = p.date ? `${p.date}：` : "";
      const inCase = p.caseName && p.caseName !== p.target ? `（${p.caseName}）` : "";
      return `${when}${p.actor}${verb[p.type] ?? p.type}${p.target}${inCase}。`;
    },
    caseMain: (p) =>
      `${p.date}：${p.name}（${p.kind}，${p.status}）${p.targets.length ? `，针对${p.targets.join("、")}` : ""}` +
      `${p.subjectRole ? `；该主体的身份：${p.subjectRole}` : ""}${p.topics.length ? `；议题：${p.topics.join("、")}` : ""}。`,
    caseOutcome: (o) => `结果：${o}`,
    caseLaws: (laws) => `援引法律：${laws.join("、")}。`,
    model: (p) => `${p.subject}开发了${p.model}（${p.kind}${p.released ? `，${p.released}发布` : ""}）。`,
    modelCases: (p) => `${p.model}涉及：${p.cases.join("；")}。`,
    crosswalkCell: (p) =>
      `${p.law}${p.provision ? ` ${p.provision}` : ""}${p.jurisdiction ? `（${p.jurisdiction}）` : ""}`,
    withProvision: (name, provision) => `${name}${provision ? `（${provision}）` : ""}`,
    riskLaw: (p) =>
      `${p.name}${p.date ? `（${p.date}）` : ""}` +
      `${p.appliesIn.length ? `；适用于${p.appliesIn.join("、")}` : ""}` +
      `${p.signers.length ? `；签署方：${p.signers.join("、")}` : ""}` +
      `${p.issuers.length ? `；发布方：${p.issuers.join("、")}` : ""}。`,
  },
  formula: {
    intro: "每个市场按分数评级：下列各项计数（取自本简报该市场部分）乘以权重，部分计数设有上限；分数决定等级。",
    terms: {
      subjectEnforcement: "近24个月该市场针对该主体的执法行动",
      subjectLitigation: "该市场涉及该主体的诉讼与指控",
      peerEnforcement12: "近12个月针对可比企业的执法行动",
      peerEnforcement12to24: "12至24个月前针对可比企业的执法行动",
      peerLitigation: "针对可比企业的诉讼与指控",
      regulatorsActive: "近24个月采取行动的该市场监管机构与法院",
      lawsOnActivities: "涉及该主体议题的现行法律与指引",
    },
    thresholds: (m, h) => `等级：低于${m}分为低，${m}分起为中，${h}分起为高。`,
    cap: (n) => `上限${n}`,
    line: (market, parts, total, level) => `${market}：${parts} = ${total}分，${level}。`,
  },
  method: (p) => [
    "第一至第五部分的全部内容均由 cypher/briefing/ 中的 Cypher 文件从图谱读取，无任何手工录入。",
    `业务与图谱议题的对应关系：${p.activityMap}。对于企业主体，另加入其在图谱中自身案件的议题。`,
    "案件的发生地：其主管机关、调查方、原告、投诉方或指控方，或对其作出裁决的法院或监管机构，所在的市场（含该市场所属的上级法域或其下级法域，依 PART_OF）；或其援引的法律所适用的市场。",
    "可比企业：与该主体母国相同，或针对其的案件涉及该主体的议题。案件所针对的是被告、被申请方、被指控方、被调查方，以及案件中 INVESTIGATES、FINES、SUES、ACCUSES 关系的对象。",
    "执法：调查、执法行动、行政处罚、刑事案件。诉讼与指控：诉讼、指控、裁判。",
    `仅计入截至日期前的事件。案件日期依次取：开始日期、其关系中最早的日期、结束日期、其来源中最早的日期（“报道”）；“近期”为截至日期前${p.recent}个月，统计窗口为${p.window}个月。日期与来源日期均不详的条目予以保留。`,
    "法律与指引通过 APPLIES_IN 适用于市场本身、其所属的上级法域（如欧盟成员国适用欧盟法），或其下级法域（另行标注）。截至日期后发布的法律不列入；生效日期晚于截至日期的，标注为尚未生效。",
    "图谱未记录不等于现实中不存在：图谱仅包含所整理的资讯所报道的内容以及 DOMAIN.md 中的编辑性关联。",
  ],
};

export const STRINGS: Record<Lang, Strings> = { en: EN, zh: ZH };

export function joinList(lang: Lang, items: string[]): string {
  return list(lang, items);
}
