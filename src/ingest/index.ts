/** The ingest pipeline: read, normalise, split, link, extract, review; see each module's banner. */
export * from "./candidates.js";
export { buildDictionary, type EntityDictionary } from "./dictionary.js";
export {
  candidatesFile,
  createRun,
  extractDocument,
  type DocumentResult,
  type ExtractionRun,
  type ExtractOptions,
} from "./extract.js";
export { graphFromDb, graphFromSeed } from "./graph-source.js";
export { documentName, MAX_DOCUMENT_BYTES, readDocument, SUPPORTED_EXTENSIONS } from "./readers/index.js";
export { assembleReviewed, autoDecisions, DEFAULT_ACCEPT_ABOVE, validateReviewed, type Decisions } from "./review.js";
export { checkStorable, storeDocumentTexts } from "./store.js";
export type * from "./types.js";
