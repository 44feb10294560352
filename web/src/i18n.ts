/**
 * UI strings in English and Chinese, the names of entity and relationship types, and which name of an entity to
 * show in each language. The language itself lives in state; this module only translates.
 */
import type { Lang } from "../../src/model/wire.js";

const STRINGS = {
  title: { en: "Compliance graph", zh: "合规风险图谱" },
  search: { en: "Search entities", zh: "搜索实体" },
  searchPlaceholder: { en: "Search names and aliases (e.g. GDPR, 数据保护)", zh: "搜索名称或别名（如 GDPR、数据保护）" },
  noResults: { en: "No match", zh: "无匹配结果" },
  viewExplore: { en: "Explore", zh: "浏览" },
  viewRegimes: { en: "Regimes", zh: "法规体系" },
  viewPath: { en: "Path finder", zh: "路径查找" },
  viewConsole: { en: "Cypher console", zh: "Cypher 控制台" },
  language: { en: "Language", zh: "语言" },
  exportMenu: { en: "Export", zh: "导出" },
  openView: { en: "Open view…", zh: "打开视图…" },
  filters: { en: "Filters", zh: "筛选" },
  legend: { en: "Entity types", zh: "实体类型" },
  relTypes: { en: "Relationship types", zh: "关系类型" },
  jurisdictions: { en: "Jurisdictions", zh: "法域" },
  jurisdictionsHint: { en: "None ticked: all jurisdictions", zh: "未勾选：显示全部法域" },
  basis: { en: "Basis", zh: "依据" },
  reported: { en: "reported", zh: "报道" },
  curated: { en: "curated", zh: "编辑整理" },
  timeline: { en: "Timeline", zh: "时间轴" },
  timelineAll: { en: "all dates", zh: "全部日期" },
  timelineUntil: { en: "events until", zh: "截至" },
  play: { en: "Play", zh: "播放" },
  pause: { en: "Pause", zh: "暂停" },
  resetFilters: { en: "Reset filters", zh: "重置筛选" },
  visible: { en: "shown", zh: "显示" },
  nodes: { en: "entities", zh: "个实体" },
  edges: { en: "relationships", zh: "条关系" },
  close: { en: "Close", zh: "关闭" },
  back: { en: "Back", zh: "返回" },
  loading: { en: "Loading…", zh: "加载中…" },
  layoutRunning: { en: "Laying out the graph…", zh: "正在布局…" },
  welcome: {
    en: "Search for an entity or click a node to open its dossier: every relationship with its source and quote.",
    zh: "搜索实体或点击节点，打开其档案：每条关系都附有来源与原文引述。",
  },
  edgeLegend: {
    en: "Red arrows: enforcement (investigates, fines, sues, accuses, rules on). Grey: everything else. Node size: number of relationships.",
    zh: "红色箭头：执法行动（调查、罚款、起诉、指控、裁决）。灰色：其他关系。节点大小：关系数量。",
  },
  keyboardHelp: {
    en: "Keyboard: Tab through the controls; in search, ↑/↓ and Enter pick a result; in the console, Ctrl+Enter runs.",
    zh: "键盘：用 Tab 切换控件；搜索时用 ↑/↓ 和回车选择结果；控制台中按 Ctrl+Enter 运行。",
  },
  properties: { en: "Properties", zh: "属性" },
  relationships: { en: "Relationships", zh: "关系" },
  cases: { en: "Cases (by date)", zh: "案件（按日期）" },
  quote: { en: "Quote", zh: "引述" },
  source: { en: "Source", zh: "来源" },
  reference: { en: "Reference", zh: "参考依据" },
  openLink: { en: "open", zh: "打开" },
  expand: { en: "Expand neighbourhood", zh: "展开邻居" },
  collapse: { en: "Collapse", zh: "收起" },
  expandGuard: {
    en: "This entity has {n} relationships. Choose what to add:",
    zh: "该实体有 {n} 条关系。请选择要添加的内容：",
  },
  expandAdd: { en: "Add", zh: "添加" },
  expandLimit: { en: "At most", zh: "最多" },
  expanded: { en: "Added {n} entities and {m} relationships.", zh: "已添加 {n} 个实体和 {m} 条关系。" },
  edgesOmitted: { en: "{n} more connections not drawn.", zh: "另有 {n} 条关系未绘出。" },
  showingOf: { en: "showing {n} of {t}", zh: "显示 {n} / {t}" },
  loadMore: { en: "Load more", zh: "加载更多" },
  relationship: { en: "Relationship", zh: "关系" },
  nothingNew: { en: "Everything around it is already shown.", zh: "其周边已全部显示。" },
  briefing: { en: "Briefing", zh: "出海风险简报" },
  showInGraph: { en: "Show in graph", zh: "在图中显示" },
  regimesTitle: { en: "How the laws interconnect", zh: "法规之间的关联" },
  regimesChoose: { en: "Laws to compare (two or more)", zh: "要比较的法规（至少两部）" },
  regimesAdd: { en: "Add a law", zh: "添加法规" },
  regimesShow: { en: "Show connections", zh: "显示关联" },
  regimesNotConnected: { en: "No connection within 4 steps.", zh: "4 步之内没有关联。" },
  regimesAtLeastTwo: { en: "Choose at least two laws.", zh: "请至少选择两部法规。" },
  remove: { en: "Remove", zh: "移除" },
  pathTitle: { en: "Shortest paths", zh: "最短路径" },
  pathFrom: { en: "From", zh: "起点" },
  pathTo: { en: "To", zh: "终点" },
  pathFind: { en: "Find paths", zh: "查找路径" },
  pathNone: { en: "No path within 4 steps.", zh: "4 步之内没有路径。" },
  pathFound: { en: "{n} shortest path(s) of {h} step(s).", zh: "找到 {n} 条最短路径，长度 {h} 步。" },
  pathClear: { en: "Clear", zh: "清除" },
  consoleSaved: { en: "Saved queries", zh: "预存查询" },
  consoleRun: { en: "Run (Ctrl+Enter)", zh: "运行（Ctrl+Enter）" },
  consoleEditor: { en: "Cypher query (read-only)", zh: "Cypher 查询（只读）" },
  consoleParams: { en: "Parameters", zh: "参数" },
  consoleRows: { en: "{n} row(s) in {ms} ms", zh: "{n} 行，用时 {ms} 毫秒" },
  consoleTruncated: { en: "truncated", zh: "已截断" },
  consoleNoGraph: { en: "No nodes or relationships in the result; the table shows it.", zh: "结果中没有节点或关系，请看表格。" },
  consoleGraph: { en: "The result's {n} entities are drawn in the graph.", zh: "结果中的 {n} 个实体已绘制在图中。" },
  consoleRefused: { en: "Refused", zh: "已拒绝" },
  consoleError: { en: "Error", zh: "错误" },
  backToOverview: { en: "Back to the whole graph", zh: "返回完整图谱" },
  exportPng: { en: "Image (PNG)", zh: "图片 (PNG)" },
  exportGexf: { en: "Gephi (GEXF)", zh: "Gephi (GEXF)" },
  exportGraphml: { en: "GraphML", zh: "GraphML" },
  exportCsvNodes: { en: "CSV: entities", zh: "CSV：实体" },
  exportCsvEdges: { en: "CSV: relationships", zh: "CSV：关系" },
  exportJson: { en: "This view (JSON, re-openable)", zh: "当前视图（JSON，可重新打开）" },
  exportScopeAll: { en: "Whole graph, with the current type filters:", zh: "完整图谱（应用当前类型筛选）：" },
  exportScopeEntity: { en: "Neighbourhood of the selected entity:", zh: "所选实体的邻域：" },
  exportView: { en: "Exactly what is on screen:", zh: "屏幕上的内容：" },
  apiDown: {
    en: "The server or its database does not answer. The explorer will retry; check that `npm start` is running.",
    zh: "服务器或数据库没有响应。浏览器会自动重试；请确认 `npm start` 正在运行。",
  },
  retry: { en: "Retry now", zh: "立即重试" },
  capped: { en: "Showing the {n} most connected of {t} entities.", zh: "显示连接最多的 {n} 个实体（共 {t} 个）。" },
  fileView: { en: "Opened view: {name}", zh: "已打开视图：{name}" },
  badFile: { en: "This file is not a view saved by the explorer: {why}", zh: "该文件不是浏览器保存的视图：{why}" },
  // The legal layer: a law's articles, an article's duties, dossier fields in the reader's language
  articles: { en: "Articles", zh: "条款" },
  articleDuties: { en: "Obligations, roles, penalties", zh: "义务、角色与罚则" },
  officialText: { en: "official text", zh: "官方文本" },
  officialReference: { en: "Official reference", zh: "官方依据" },
  whichHigher: { en: "whichever is higher", zh: "以较高者为准" },
  whichLower: { en: "whichever is lower", zh: "以较低者为准" },
  ofTurnover: { en: "of total worldwide annual turnover", zh: "全球年营业总额" },
  theme: { en: "Both concern", zh: "共同涉及" },
  difference: { en: "How they differ", zh: "差异" },
  kind_provision: { en: "Article by article", zh: "逐条对应" },
  kind_reference: { en: "Cross-references", zh: "相互援引" },
  "kind_shared-counterpart": { en: "Through a third regime", zh: "经由第三方法规对应" },
  kind_enforcement: { en: "Shared enforcement", zh: "共同执法" },
  kind_incidental: { en: "Other links", zh: "其他关联" },
  pathAvoidHubs: { en: "Avoid jurisdictions and topics", zh: "不经过法域和主题" },
  pathAvoidHubsHint: {
    en: "A shared country or theme is not a connection between two entities.",
    zh: "同属一个法域或涉及同一主题，并不构成两者之间的关联。",
  },
  direction_out: { en: "→", zh: "→" },
  direction_in: { en: "←", zh: "←" },
  // Briefing page
  briefingTitle: { en: "Outbound-expansion risk briefing", zh: "出海合规风险简报" },
  briefingCompany: { en: "Company id", zh: "公司 ID" },
  briefingMarkets: { en: "Target markets", zh: "目标市场" },
  briefingLang: { en: "Briefing language", zh: "简报语言" },
  briefingAsOf: { en: "As of", zh: "截至日期" },
  briefingGenerate: { en: "Draft the briefing", zh: "生成简报" },
  briefingDownload: { en: "Download", zh: "下载" },
  briefingUnavailable: { en: "Briefings are not available yet on this server.", zh: "此服务器尚未提供简报功能。" },
  briefingBack: { en: "← Back to the graph", zh: "← 返回图谱" },
  briefingPreview: { en: "Briefing preview", zh: "简报预览" },
  briefingNeedMarket: { en: "Choose at least one market.", zh: "请至少选择一个市场。" },
  briefingOrProfile: { en: "…or a company not in the graph: its name", zh: "……或图谱外的公司：名称" },
  briefingHome: { en: "Its home jurisdiction (e.g. CN)", zh: "其所在法域（如 CN）" },
  briefingActivities: { en: "Activities (the roles and duties follow from them)", zh: "业务（身份与义务据此推定）" },
  briefingFacts: { en: "Facts that change the duties (leave “not stated” when unknown)", zh: "影响义务的事实（不确定时选“未说明”）" },
  briefingEstablished: { en: "Established in (codes, or “none”; empty: not stated)", zh: "设立地（法域代码，或填“none”；留空：未说明）" },
  briefingSme: { en: "SME", zh: "中小企业" },
  briefingCompute: { en: "Training compute above 10^25 FLOP", zh: "训练算力超过10^25次浮点运算" },
  briefingOpenSource: { en: "Open-source licence, public weights", zh: "开源许可、公开权重" },
  briefingTurnover: { en: "Worldwide annual turnover", zh: "全球年营业额" },
  briefingCurrency: { en: "Currency (e.g. EUR)", zh: "币种（如 EUR）" },
  briefingRoles: { en: "Roles (optional: role ids replacing the derived ones)", zh: "身份（可选：以身份 ID 替代推定身份）" },
  briefingNotStated: { en: "not stated", zh: "未说明" },
  briefingYes: { en: "yes", zh: "是" },
  briefingNo: { en: "no", zh: "否" },
  briefingNeedSubject: { en: "Give a company id, or a company name with its home jurisdiction.", zh: "请填写公司 ID，或公司名称及其所在法域。" },
  activity_foundation_models: { en: "Foundation models", zh: "基础模型" },
  activity_open_weights: { en: "Open weights", zh: "开放权重" },
  activity_model_api: { en: "Model API", zh: "模型 API" },
  activity_consumer_chatbot: { en: "Consumer chatbot", zh: "面向消费者的聊天机器人" },
  activity_image_video_generation: { en: "Content generation (images, video)", zh: "内容生成（图像、视频）" },
  activity_devices_robots: { en: "Devices or robots", zh: "设备或机器人" },
  activity_processes_target_residents_data: { en: "Processes data of the market's residents", zh: "处理目标市场居民的数据" },
  activity_high_risk_systems: { en: "High-risk AI systems (EU Annex III, Korean high-impact AI)", zh: "高风险人工智能系统（欧盟附件三、韩国高影响人工智能）" },
  // What's new page
  viewWhatsNew: { en: "What's new", zh: "最新动态" },
  whatsnewTitle: { en: "What's new in the graph", zh: "图谱最新动态" },
  whatsnewIntro: {
    en: "Reported cases (investigations, lawsuits, accusations, fines) and laws or guidance issued since a date, grouped by the entities you watch and by jurisdiction.",
    zh: "自某日以来报道的案件（调查、诉讼、指控、罚款）及发布的法律或指引，按关注的实体和法域分组。",
  },
  whatsnewSince: { en: "Since", zh: "起始日期" },
  whatsnewWatch: { en: "Watch list", zh: "关注列表" },
  whatsnewWatchAdd: { en: "Add an entity to watch", zh: "添加关注的实体" },
  whatsnewWatchIds: { en: "or entity ids, comma-separated", zh: "或实体 ID（逗号分隔）" },
  whatsnewShow: { en: "Show what's new", zh: "查看最新动态" },
  whatsnewTotal: { en: "{n} event(s) since {d}.", zh: "自 {d} 以来共 {n} 项动态。" },
  whatsnewTruncated: { en: "Only the first {n} are shown.", zh: "仅显示前 {n} 项。" },
  whatsnewWatched: { en: "Watched: {name}", zh: "关注：{name}" },
  whatsnewByJurisdiction: { en: "By jurisdiction", zh: "按法域" },
  whatsnewNothing: { en: "Nothing new.", zh: "没有新动态。" },
  whatsnewCase: { en: "case", zh: "案件" },
  whatsnewBadDate: { en: "Choose a date (YYYY-MM-DD).", zh: "请选择日期（YYYY-MM-DD）。" },
  whatsnewBadIds: { en: "Not an entity id: {ids}. Ids look like company:openai.", zh: "不是实体 ID：{ids}。ID 形如 company:openai。" },
  // Review page
  viewReview: { en: "Review", zh: "审核" },
  reviewTitle: { en: "Review ingest candidates", zh: "审核抽取候选" },
  reviewIntro: {
    en: "Open the candidates.json written by `npm run ingest`, accept or reject each relationship and new entity, and download the accepted ones as a seed file. Nothing is sent to the server.",
    zh: "打开 `npm run ingest` 生成的 candidates.json，逐条接受或拒绝关系和新实体，再把接受的内容下载为种子文件。不会向服务器发送任何内容。",
  },
  reviewOpen: { en: "Candidates file", zh: "候选文件" },
  reviewNotJson: { en: "This file is not JSON: {why}", zh: "该文件不是 JSON：{why}" },
  reviewNotCandidates: {
    en: "This is not a candidates file written by `npm run ingest`: {why}",
    zh: "这不是 `npm run ingest` 生成的候选文件：{why}",
  },
  reviewLoaded: { en: "{file}: {r} candidate relationship(s), {e} entity proposal(s).", zh: "{file}：{r} 条候选关系，{e} 个实体提议。" },
  reviewRelationships: { en: "Candidate relationships", zh: "候选关系" },
  reviewEntities: { en: "New entities", zh: "新实体" },
  reviewMatches: { en: "Proposed matches with the graph", zh: "与图谱中实体的匹配建议" },
  reviewThreshold: { en: "Confidence threshold", zh: "置信度阈值" },
  reviewAcceptAbove: { en: "Accept all at or above {v}", zh: "接受所有 ≥ {v} 的候选" },
  reviewRejectAll: { en: "Reject all", zh: "全部拒绝" },
  reviewAccept: { en: "Accept", zh: "接受" },
  reviewExisting: { en: "already in the graph", zh: "图谱中已有" },
  reviewRule: { en: "rule", zh: "规则" },
  reviewConfidence: { en: "confidence", zh: "置信度" },
  reviewNameZh: { en: "Chinese name", zh: "中文名称" },
  reviewNameEn: { en: "English name", zh: "英文名称" },
  reviewLooksLike: { en: "looks like", zh: "疑似" },
  reviewAcceptMatch: { en: "Same entity", zh: "是同一实体" },
  reviewSummary: { en: "{a} relationship(s) accepted, {d} dropped.", zh: "已接受 {a} 条关系，舍弃 {d} 条。" },
  reviewDownload: { en: "Download the seed file", zh: "下载种子文件" },
  reviewNote: {
    en: "Put the downloaded file in seed/documents/ and run `npm run load`: the loader validates it before anything is written.",
    zh: "将下载的文件放入 seed/documents/ 并运行 `npm run load`：加载器会先校验，再写入数据库。",
  },
  reviewNone: { en: "None.", zh: "无。" },
} as const;

export type StringKey = keyof typeof STRINGS;

/** A UI string in the language, with `{name}` placeholders filled in. */
export function t(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  const s: string = STRINGS[key][lang];
  return s.replace(/\{(\w+)\}/g, (_m, k: string) => String(vars[k] ?? `{${k}}`));
}

const TYPE_NAMES: Record<string, { en: string; zh: string }> = {
  Company: { en: "Company", zh: "公司" },
  Organization: { en: "Organization", zh: "组织" },
  Regulator: { en: "Regulator", zh: "监管机构" },
  Court: { en: "Court", zh: "法院" },
  Law: { en: "Law / guidance", zh: "法律 / 指引" },
  Model: { en: "AI model", zh: "AI 模型" },
  Case: { en: "Case", zh: "案件" },
  Person: { en: "Person", zh: "人物" },
  Jurisdiction: { en: "Jurisdiction", zh: "法域" },
  Topic: { en: "Topic", zh: "主题" },
  Source: { en: "Source", zh: "来源" },
  Provision: { en: "Provision", zh: "条款" },
  Obligation: { en: "Obligation", zh: "义务" },
  Role: { en: "Role", zh: "角色" },
  Penalty: { en: "Penalty ceiling", zh: "罚则上限" },
};

const REL_NAMES: Record<string, { en: string; zh: string }> = {
  INVESTIGATES: { en: "investigates", zh: "调查" },
  SUES: { en: "sues", zh: "起诉" },
  ACCUSES: { en: "accuses", zh: "指控" },
  FINES: { en: "fines", zh: "罚款" },
  // 引用, not 援引: REFERS_TO (an article's cross-reference) is 援引, and the two must not read alike in the filters.
  CITES: { en: "cites", zh: "引用" },
  ISSUES: { en: "issues", zh: "发布" },
  DEVELOPS: { en: "develops", zh: "开发" },
  RULES_ON: { en: "rules on", zh: "裁决" },
  PARTY_TO: { en: "party to", zh: "当事方" },
  SIGNS: { en: "signs", zh: "签署" },
  IMPLEMENTS: { en: "implements", zh: "实施" },
  AMENDS: { en: "amends", zh: "修订" },
  ADDRESSES: { en: "addresses", zh: "涉及主题" },
  APPLIES_IN: { en: "applies in", zh: "适用于" },
  BASED_IN: { en: "based in", zh: "位于" },
  ENFORCES: { en: "enforces", zh: "执行" },
  INVOLVES: { en: "involves", zh: "涉及" },
  PART_OF: { en: "part of", zh: "隶属" },
  REPORTED_IN: { en: "reported in", zh: "报道于" },
  HAS_PROVISION: { en: "contains article", zh: "包含条款" },
  IMPOSES: { en: "imposes", zh: "规定" },
  BINDS: { en: "binds", zh: "约束" },
  DEFINED_BY: { en: "defined by", zh: "定义于" },
  SETS: { en: "sets ceiling", zh: "设定上限" },
  PENALISED_BY: { en: "penalised by", zh: "罚则" },
  CORRESPONDS_TO: { en: "corresponds to", zh: "对应" },
  REFERS_TO: { en: "refers to", zh: "援引" },
  HEARS: { en: "hears", zh: "审理" },
};

/** Readable names of entity properties in the dossier; a property not listed shows its raw name. */
const FIELD_NAMES: Record<string, { en: string; zh: string }> = {
  id: { en: "Id", zh: "ID" },
  description: { en: "Description", zh: "说明" },
  aliases: { en: "Also known as", zh: "别名" },
  kind: { en: "Kind", zh: "类型" },
  status: { en: "Status", zh: "状态" },
  binding: { en: "Binding force", zh: "约束力" },
  issuedDate: { en: "Issued", zh: "发布日期" },
  effectiveDate: { en: "In force from", zh: "生效日期" },
  identifier: { en: "Identifier", zh: "文号" },
  url: { en: "Official text", zh: "官方文本" },
  number: { en: "Article", zh: "条款编号" },
  law: { en: "Law", zh: "所属法规" },
  excerpt: { en: "Text", zh: "原文" },
  text: { en: "What it requires", zh: "义务内容" },
  appliesFrom: { en: "Applies from", zh: "适用日期" },
  appliesUntil: { en: "Applies until", zh: "适用截止" },
  condition: { en: "Condition", zh: "适用条件" },
  maxAmount: { en: "Maximum fine", zh: "罚款上限" },
  maxTurnoverPercent: { en: "Maximum share of turnover", zh: "营业额比例上限" },
  rule: { en: "Which cap applies", zh: "适用规则" },
  note: { en: "Note", zh: "说明" },
  verified: { en: "Checked against", zh: "核对依据" },
  reference: { en: "Official reference", zh: "官方依据" },
  descriptionEn: { en: "Description", zh: "英文说明" },
};

export function fieldName(lang: Lang, field: string): string {
  return FIELD_NAMES[field]?.[lang] ?? field;
}

/** The check mark of a curated legal fact: against the official text, or only an official reference. */
export function verifiedName(lang: Lang, mark: string): string {
  if (mark === "text") return lang === "zh" ? "官方文本" : "official text";
  if (mark === "reference") return lang === "zh" ? "官方参考" : "official reference";
  return mark;
}

export function typeName(lang: Lang, type: string): string {
  return TYPE_NAMES[type]?.[lang] ?? type;
}

export function relName(lang: Lang, type: string): string {
  return REL_NAMES[type]?.[lang] ?? type.toLowerCase().replace(/_/g, " ");
}

/** The name to show for an entity: its name in the language, else the other one, else the API's label. */
export function displayName(lang: Lang, attrs: { nameEn?: unknown; nameZh?: unknown; label?: unknown; id?: unknown }): string {
  const en = typeof attrs.nameEn === "string" ? attrs.nameEn : undefined;
  const zh = typeof attrs.nameZh === "string" ? attrs.nameZh : undefined;
  const first = lang === "zh" ? (zh ?? en) : (en ?? zh);
  return first ?? String(attrs.label ?? attrs.id ?? "");
}
