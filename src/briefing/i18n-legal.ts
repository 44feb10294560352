/**
 * The words of the briefing's legal reading in English and Chinese: the client's roles, obligations with their
 * status, ceilings and home counterparts, the calendar, first steps, the exposure formula and the frame (data
 * currency, coverage, disclaimer). Kept apart from i18n.ts, which holds the words of the news-graph sections.
 */
import type { Lang, ObligationStatus } from "./model.js";

export interface LegalStrings {
  sections: {
    profile: string;
    roles: string;
    obligations: string;
    lawsBinding: string;
    lawsSoft: string;
    lawsBackground: string;
    calendar: string;
    steps: string;
    frame: string;
  };
  statusLabels: Record<ObligationStatus, string>;
  levelLabels: Record<"low" | "medium" | "high" | "not_assessed", string>;
  summaryHeaders: {
    market: string;
    level: string;
    inForce: string;
    upcoming: string;
    ceiling: string;
    enforcement: string;
  };
  factLabels: {
    established: string;
    sme: string;
    turnover: string;
    systemicCompute: string;
    openSource: string;
    roles: string;
  };
  yes: string;
  no: string;
  unknown: string;
  role: (p: { role: string; law: string; reason?: string; basis: "derived" | "given" | "conditional" }) => string;
  obligation: (p: {
    number: string;
    text: string;
    appliesFrom: string;
    appliesUntil?: string;
    days?: number;
  }) => string;
  condition: (c: string) => string;
  notApplicable: (reason: string, provision?: string) => string;
  conditional: (reason: string, provision?: string) => string;
  onlyIf: (reason: string) => string;
  dependsOn: (reason: string, provision?: string) => string;
  percentOfTurnover: (n: number) => string;
  reportedChangeSee: (n: number) => string;
  reportedChange: (note: string) => string;
  penalty: (p: {
    provision: string;
    amount?: string;
    percent?: number;
    rule?: "higher" | "lower";
    sme: boolean;
    money?: string;
    note?: string;
  }) => string;
  moneyOnTurnover: (turnover: string, result: string) => string;
  moneyOtherCurrency: (turnover: string, percentMoney: string, amount: string) => string;
  noPenalty: string;
  home: (p: { number: string; law: string; theme: string; difference: string }) => string;
  calendarLine: (p: {
    date: string;
    name: string;
    number: string;
    markets: string;
    binds: boolean;
    days: number;
    reported: boolean;
  }) => string;
  step: (p: {
    text: string;
    due: "now" | "upcoming" | "conditional";
    deadline?: string;
    days?: number;
    articles: string;
  }) => string;
  notes: {
    noActivities: string;
    noLegalLayer: (market: string, holds: string) => string;
    holds: (p: { binding: number; soft: number; background: number; cases: number }) => string;
    noObligations: (market: string) => string;
    notBinding: (n: number) => string;
    noCalendar: (months: number) => string;
    calendar: (months: number) => string;
    noSteps: string;
    steps: string;
    summary: string;
    notAssessedLevel: string;
    sme: string;
    counted: (cases: string) => string;
    establishedNone: string;
  };
  method: string[];
  frame: {
    dataCurrentTo: (p: { newest: string; oldest: string; sources: number }) => string;
    noData: string;
    legalLayer: (laws: string) => string;
    verified: string;
    disclaimer: string;
  };
  formula: {
    intro: string;
    terms: Record<string, string>;
    tiers: (p: { atLeast: number; high: number; turnover: number; amount: number }) => string;
    thresholds: (medium: number, high: number) => string;
    cap: (n: number) => string;
    line: (market: string, parts: string, total: number, level: string) => string;
    notAssessed: (market: string) => string;
  };
}

const num = (n: number) => n.toLocaleString("en-US");

const EN: LegalStrings = {
  sections: {
    profile: "Client profile",
    roles: "The client's roles in this market",
    obligations: "Obligations that bind the client",
    lawsBinding: "Binding law",
    lawsSoft: "Soft law (guidelines, codes of practice)",
    lawsBackground: "Background (reports, studies, plans)",
    calendar: "3. Compliance calendar",
    steps: "4. First steps",
    frame: "What this briefing rests on",
  },
  statusLabels: {
    applies: "applies",
    upcoming: "applies soon",
    conditional: "applies if",
    not_applicable: "does not apply",
  },
  levelLabels: { low: "low", medium: "medium", high: "high", not_assessed: "not assessed" },
  summaryHeaders: {
    market: "Market",
    level: "Exposure",
    inForce: "Duties in force",
    upcoming: "Duties starting",
    ceiling: "Highest ceiling",
    enforcement: "Enforcement counted",
  },
  factLabels: {
    established: "Established in",
    sme: "SME",
    turnover: "Worldwide turnover",
    systemicCompute: "Training compute above 10^25 FLOP",
    openSource: "Open-source licence, public weights",
    roles: "Roles given",
  },
  yes: "yes",
  no: "no",
  unknown: "not stated",
  role: (p) =>
    `${p.role}${p.role.includes("(") ? "" : ` (${p.law})`}${p.reason ? `: ${p.reason}` : ""}` +
    (p.basis === "given"
      ? " (given in the profile)."
      : p.basis === "conditional"
        ? " (only if this holds: the profile does not say)."
        : " (derived from the activities)."),
  obligation: (p) => {
    const when =
      p.days !== undefined
        ? `Applies from ${p.appliesFrom}, in ${p.days} day${p.days === 1 ? "" : "s"}`
        : `Applies since ${p.appliesFrom}`;
    return `${p.number}: ${p.text} ${when}${p.appliesUntil ? `, until ${p.appliesUntil}` : ""}.`;
  },
  condition: (c) => `Condition in the law: ${c}`,
  notApplicable: (reason, provision) => `Does not apply to the client: ${reason}${provision ? ` (${provision})` : ""}.`,
  conditional: (reason, provision) =>
    `Applies unless this holds, which the profile does not state: ${reason}${provision ? ` (${provision})` : ""}.`,
  reportedChange: (note) => `A change is reported but not verified in the official text: ${note}`,
  percentOfTurnover: (n) => `${n}% of turnover`,
  dependsOn: (reason, provision) =>
    `Whether it applies depends on facts the profile does not settle: ${reason}${provision ? ` (${provision})` : ""}.`,
  onlyIf: (reason) => `Applies only if this holds, which the profile does not state: ${reason}.`,
  reportedChangeSee: (n) =>
    `A change to this provision is reported but not verified in the official text (see item ${n}).`,
  penalty: (p) => {
    // The turnover a percentage is taken of differs by law (worldwide, total, the previous year's): the note says which.
    const caps = [
      p.amount,
      p.percent !== undefined ? `${p.percent}% of annual turnover as the article defines it` : undefined,
    ]
      .filter(Boolean)
      .join(" or ");
    const rule = p.rule && p.amount && p.percent !== undefined ? `, whichever is ${p.rule}` : "";
    return `Fine ceiling (${p.provision}${p.sme ? ", for SMEs" : ""}): up to ${caps}${rule}${p.money ? `; ${p.money}` : ""}.${p.note ? ` ${p.note}` : ""}`;
  },
  moneyOnTurnover: (turnover, result) => `on the turnover given (${turnover}) that is up to ${result}`,
  moneyOtherCurrency: (turnover, percentMoney, amount) =>
    `on the turnover given (${turnover}) the percentage gives ${percentMoney}; compare it with ${amount} at the exchange rate of the day`,
  noPenalty: "The graph links no fine ceiling to this obligation.",
  home: (p) => `Home counterpart: ${p.number}, ${p.law} (${p.theme}). ${p.difference}`,
  calendarLine: (p) =>
    `${p.date} (in ${p.days} days): ${p.name}${p.number ? ` (${p.number})` : ""} starts to apply in ${p.markets}${p.binds ? "; binds the client" : "; binds none of the client's roles"}${p.reported ? "; a change of this date is reported but not verified" : ""}.`,
  step: (p) =>
    `${p.text} ${p.due === "now" ? "Due now: the duty already applies" : p.due === "upcoming" ? `Due by ${p.deadline} (${p.days} days)` : "Only if the condition holds"} (${p.articles}).`,
  notes: {
    noActivities:
      "No activities were given: the client's roles, and so its obligations, dates, ceilings and exposure, could not be assessed, and no market is rated. Give the activities (foundation models, open weights, model API, consumer chatbot, content-generation tools...) or the roles.",
    noLegalLayer: (market, holds) =>
      `The graph holds no article-level provisions for ${market}: its obligations, dates and ceilings could not be assessed, and the market is not rated (absence of data is not low risk). ${holds}`,
    holds: (p) =>
      `What the graph holds for it: ${p.binding} binding act${p.binding === 1 ? "" : "s"} (such as executive orders), ${p.soft} soft-law item${p.soft === 1 ? "" : "s"}, ${p.background} background report${p.background === 1 ? "" : "s"}, and ${p.cases} reported case${p.cases === 1 ? "" : "s"} against the client or comparable companies (listed below).`,
    noObligations: (market) => `No obligation of the graph's legal layer for ${market} binds the client's roles.`,
    notBinding: (n) =>
      `${n} further obligation${n === 1 ? "" : "s"} of these regimes bind${n === 1 ? "s" : ""} roles the client does not hold (for example importers, distributors, deployers of high-risk systems) and ${n === 1 ? "is" : "are"} not listed.`,
    noCalendar: (months) => `No obligation of the chosen markets starts to apply in the next ${months} months.`,
    calendar: (months) =>
      `Every application date of the chosen markets' obligations in the next ${months} months, as enacted.`,
    noSteps: "No first step follows from the obligations found.",
    steps: "Derived from the obligations above, most urgent first; each cites the obligations it serves.",
    summary:
      "Exposure rests on the obligations that bind the client, their fine ceilings, and enforcement on the same provisions or against companies with similar activities in the market; the formula is in Appendix A.",
    notAssessedLevel: "not assessed",
    sme: "For SMEs the AI Act caps each fine at the lower of the two amounts (Art. 99(6)); the ceiling shown is the SME one.",
    counted: (cases) => `Enforcement counted: ${cases}.`,
    establishedNone: "none of the target markets",
  },
  method: [
    "Obligations are read from the legal layer (Provision, Obligation, Role, Penalty) of the laws that apply in each market or in what it is part of. The client's roles come from its activities and facts through src/briefing/legal-map.json, each mapping with its legal reference; roles given in the profile replace the derived ones of their regime.",
    "An obligation binds the client when it binds one of its roles. It does not apply when a fact of the profile meets an exemption of the legal map (with the article that grants it); it applies unless such a fact holds when the profile leaves the fact open. Dates are as enacted; changes reported only in secondary sources are flagged on the obligation, never applied.",
    "Fine ceilings are those the graph links to the obligation; with a turnover given, a percentage ceiling is turned into money in the turnover's currency. No exchange rate is applied.",
  ],
  frame: {
    dataCurrentTo: (p) =>
      `Data current to: ${p.newest}. The graph's ${p.sources} sources are dated ${p.oldest} to ${p.newest}; events after that are not known to this briefing.`,
    noData: "Data current to: the graph holds no dated source up to the as-of date.",
    legalLayer: (laws) =>
      `Obligations, dates and fine ceilings are read article by article only for: ${laws}. Other laws are listed but not read article by article.`,
    verified:
      "Most of the legal layer was checked against official references, not the full official texts; dates are the dates as enacted, and changes reported only in secondary sources are flagged, never applied.",
    disclaimer:
      "This briefing is not legal advice. It is drafted from a curated graph for a lawyer's review: check each article and date against the official text before relying on it.",
  },
  formula: {
    intro:
      "Each market is rated only when the client's roles are known and the graph holds the market's obligations. Its points: each term below times its weight, some capped; the points give the level.",
    terms: {
      obligationsInForce:
        "obligations that bind the client and apply on the as-of date (or apply if a condition holds)",
      obligationsUpcoming: "obligations that bind the client and start within the horizon",
      penaltyTier: "tier of the highest fine ceiling among those obligations",
      enforcementOnProvisions:
        "enforcement in the market, last 24 months, citing a provision that imposes one of those obligations",
      enforcementOnPeers:
        "enforcement in the market, last 24 months, on one of the client's topics (competition aside) against a company with models of the client's kind",
      enforcementOnSubject: "enforcement in the market, last 24 months, against the client itself",
    },
    tiers: (p) =>
      `Ceiling tiers: ${p.high} for a turnover-based ceiling of ${p.atLeast}% or more, ${p.turnover} for a lower turnover-based ceiling, ${p.amount} for a fixed amount only, 0 for none.`,
    thresholds: (m, h) => `Level: low below ${m} points, medium from ${m}, high from ${h}.`,
    cap: (n) => `at most ${n}`,
    line: (market, parts, total, level) => `${market}: ${parts} = ${total} point${total === 1 ? "" : "s"}, ${level}.`,
    notAssessed: (market) => `${market}: not assessed.`,
  },
};

const ZH: LegalStrings = {
  sections: {
    profile: "客户资料",
    roles: "客户在该市场的身份",
    obligations: "约束客户的义务",
    lawsBinding: "有约束力的法律",
    lawsSoft: "软法（指南、行为守则）",
    lawsBackground: "背景资料（报告、研究、规划）",
    calendar: "三、合规日程",
    steps: "四、首要步骤",
    frame: "本简报的依据",
  },
  statusLabels: { applies: "已适用", upcoming: "即将适用", conditional: "视条件适用", not_applicable: "不适用" },
  levelLabels: { low: "低", medium: "中", high: "高", not_assessed: "未评估" },
  summaryHeaders: {
    market: "市场",
    level: "风险敞口",
    inForce: "已适用义务",
    upcoming: "即将适用义务",
    ceiling: "最高罚款上限",
    enforcement: "计入的执法",
  },
  factLabels: {
    established: "设立地",
    sme: "中小企业",
    turnover: "全球营业额",
    systemicCompute: "训练算力超过10^25次浮点运算",
    openSource: "开源许可、公开权重",
    roles: "指定身份",
  },
  yes: "是",
  no: "否",
  unknown: "未说明",
  role: (p) =>
    `${p.role}${/[（(]/.test(p.role) ? "" : `（${p.law}）`}${p.reason ? `：${p.reason}` : ""}` +
    (p.basis === "given"
      ? "（客户资料指定）。"
      : p.basis === "conditional"
        ? "（仅在该条件成立时；客户资料未说明）。"
        : "（依业务推定）。"),
  obligation: (p) => {
    const when = p.days !== undefined ? `自${p.appliesFrom}起适用，尚余${p.days}天` : `自${p.appliesFrom}起适用`;
    return `${p.number}：${p.text}${when}${p.appliesUntil ? `，至${p.appliesUntil}止` : ""}。`;
  },
  condition: (c) => `法定条件：${c}`,
  notApplicable: (reason, provision) => `不适用于客户：${reason}${provision ? `（${provision}）` : ""}。`,
  conditional: (reason, provision) =>
    `除非以下情形成立（客户资料未说明），否则适用：${reason}${provision ? `（${provision}）` : ""}。`,
  reportedChange: (note) => `有报道称此项已有变动，但尚未经官方文本核实（图谱原注为英文）：${note}`,
  percentOfTurnover: (n) => `营业额的${n}%`,
  dependsOn: (reason, provision) =>
    `是否适用取决于客户资料未能确定的事实：${reason}${provision ? `（${provision}）` : ""}。`,
  onlyIf: (reason) => `仅在以下情形成立时适用（客户资料未说明）：${reason}。`,
  reportedChangeSee: (n) => `有报道称该条款已有变动，但尚未经官方文本核实（见第${n}项）。`,
  penalty: (p) => {
    const caps = [p.amount, p.percent !== undefined ? `该条所定营业额的${p.percent}%` : undefined]
      .filter(Boolean)
      .join("或");
    const rule =
      p.rule && p.amount && p.percent !== undefined ? `，以${p.rule === "higher" ? "较高" : "较低"}者为准` : "";
    return `罚款上限（${p.provision}${p.sme ? "，中小企业" : ""}）：最高${caps}${rule}${p.money ? `；${p.money}` : ""}。${p.note ? p.note : ""}`;
  },
  moneyOnTurnover: (turnover, result) => `按所给营业额（${turnover}）计算，最高为${result}`,
  moneyOtherCurrency: (turnover, percentMoney, amount) =>
    `按所给营业额（${turnover}）计算，百分比上限为${percentMoney}；需按当日汇率与${amount}比较`,
  noPenalty: "图谱未将任何罚款上限与此义务关联。",
  home: (p) => `母国对应条款：${p.law}${p.number}（${p.theme}）。${p.difference}`,
  calendarLine: (p) =>
    `${p.date}（${p.days}天后）：${p.name}${p.number ? `（${p.number}）` : ""}在${p.markets}开始适用${p.binds ? "；约束客户" : "；不约束客户的任何身份"}${p.reported ? "；有报道称该日期已变动，尚未核实" : ""}。`,
  step: (p) =>
    `${p.text}${p.due === "now" ? "现在即须完成：该义务已适用" : p.due === "upcoming" ? `须于${p.deadline}前完成（${p.days}天）` : "仅在条件成立时"}（${p.articles}）。`,
  notes: {
    noActivities:
      "未提供业务：无法评估客户的身份，因而无法评估其义务、日期、罚款上限和风险敞口，各市场均未评级。请提供业务（基础模型、开放权重、模型API、面向消费者的聊天机器人、内容生成工具等）或身份。",
    noLegalLayer: (market, holds) =>
      `图谱中没有${market}的逐条法律规定：无法评估其义务、日期和罚款上限，该市场未评级（缺乏数据不等于低风险）。${holds}`,
    holds: (p) =>
      `图谱中关于该市场的内容：${p.binding}项有约束力的文件（如行政命令）、${p.soft}项软法、${p.background}项背景报告，以及${p.cases}起针对客户或可比企业的已报道案件（见下文）。`,
    noObligations: (market) => `图谱法律层中${market}的义务均不约束客户的身份。`,
    notBinding: (n) => `这些法规中另有${n}项义务约束客户不具有的身份（如进口商、分销商、高风险系统部署者），未予列出。`,
    noCalendar: (months) => `所选市场未来${months}个月内没有开始适用的义务。`,
    calendar: (months) => `所选市场各项义务在未来${months}个月内的适用日期（按法律原文）。`,
    noSteps: "根据所列义务，暂无首要步骤。",
    steps: "依上述义务推导，按紧迫程度排序；每一步均引用其所对应的义务。",
    summary: "风险敞口依据约束客户的义务、其罚款上限，以及该市场针对相同条款或业务相近企业的执法；计算公式见附录A。",
    notAssessedLevel: "未评估",
    sme: "对中小企业，《人工智能法》规定每项罚款以两项金额中较低者为上限（第99条第6款）；所示为中小企业上限。",
    counted: (cases) => `计入的执法：${cases}。`,
    establishedNone: "任何目标市场均无",
  },
  method: [
    "义务取自各市场（及其所属上级法域）适用法律的法律层（条款、义务、身份、罚款）。客户身份由其业务和事实经 src/briefing/legal-map.json 推定，每项对应均附法律依据；客户资料指定的身份取代同一法规下推定的身份。",
    "义务约束客户的任何一项身份时，即约束客户。客户资料中的事实符合法律对应表所列豁免（附授权条款）时，该义务不适用；客户资料未说明该事实时，标为“除非该情形成立，否则适用”。日期为法律原文的日期；仅见于二手资料的变动在义务旁标注，但不据以调整。",
    "罚款上限为图谱中与该义务关联的上限；如提供营业额，按营业额币种将百分比上限换算为金额，不做汇率换算。",
  ],
  frame: {
    dataCurrentTo: (p) =>
      `数据截至：${p.newest}。图谱中${p.sources}份来源的日期为${p.oldest}至${p.newest}；此后的事件本简报无从知悉。`,
    noData: "数据截至：截至日期前图谱中没有注明日期的来源。",
    legalLayer: (laws) => `仅对以下法律逐条读取义务、日期和罚款上限：${laws}。其他法律仅列出，未逐条读取。`,
    verified:
      "法律层大部分内容系对照官方出处而非官方全文核实；日期为法律原文规定的日期，仅见于二手资料的变动予以标注，但不据以调整。",
    disclaimer:
      "本简报不构成法律意见。它根据经整理的图谱生成，供律师审阅：依赖任何条款或日期之前，请对照官方文本核实。",
  },
  formula: {
    intro:
      "仅当客户身份已知且图谱包含该市场的义务时，才对该市场评级。分数：下列各项乘以权重，部分设有上限；分数决定等级。",
    terms: {
      obligationsInForce: "约束客户且在截至日期已适用（或视条件适用）的义务",
      obligationsUpcoming: "约束客户且将在展望期内开始适用的义务",
      penaltyTier: "上述义务中最高罚款上限的档次",
      enforcementOnProvisions: "近24个月该市场援引设定上述义务之条款的执法",
      enforcementOnPeers: "近24个月该市场就客户议题（竞争议题除外）、针对拥有同类模型企业的执法",
      enforcementOnSubject: "近24个月该市场针对客户本身的执法",
    },
    tiers: (p) =>
      `上限档次：按营业额计且达${p.atLeast}%以上为${p.high}，按营业额计但较低为${p.turnover}，仅有固定金额为${p.amount}，无上限为0。`,
    thresholds: (m, h) => `等级：低于${m}分为低，${m}分起为中，${h}分起为高。`,
    cap: (n) => `上限${n}`,
    line: (market, parts, total, level) => `${market}：${parts} = ${total}分，${level}。`,
    notAssessed: (market) => `${market}：未评估。`,
  },
};

export const LEGAL_STRINGS: Record<Lang, LegalStrings> = { en: EN, zh: ZH };

/** A sum of money as a lawyer writes it: currency code, grouped digits. */
export function money(amount: number, currency: string): string {
  return `${currency} ${num(Math.round(amount))}`;
}
