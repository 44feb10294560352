/**
 * The candidates file the ingest command writes and the review command reads. Its schema is part of the wire contract
 * (src/model/wire.ts), which the review page in the explorer shares; this module keeps the ingest's import path.
 */
export {
  CANDIDATES_KIND,
  CANDIDATES_VERSION,
  CandidatesFile,
  EntityCandidateMeta,
  RelationshipCandidateMeta,
  type CandidateEntity,
  type CandidateRelationship,
} from "../model/wire.js";
