/**
 * Outbound-expansion risk briefings: the input model, the assembly from the graph (cypher/briefing/), and the
 * renderers (Markdown, HTML for print, PDF through Chromium, JSON). Used by `npm run brief` and GET /api/briefings.
 */
export { buildBriefing, parseBriefingInput, describeInputIssues, type BuildOptions } from "./assemble/index.js";
export * from "./model.js";
export { ACTIVITY_TOPICS, CROSSWALK_TOPICS, RISK_THEMES } from "./rules.js";
export { legalMap, legalMapIds, parseLegalMap, LegalMapError, type LegalMap } from "./legal-map.js";
export { BRIEFING_QUERY_NAMES } from "./queries.js";
export {
  briefingFileName,
  CONTENT_TYPES,
  renderBriefing,
  renderHtml,
  renderJson,
  renderMarkdown,
  renderPdf,
  renderDocx,
} from "./render/index.js";
