// Ranks the neighbours of some entities, so that a neighbourhood reads at most k entries per entity however connected
// it is (src/seed/neighbour-ranks.ts). Per entity, its first $k relationships ordered by relevance: the other end's
// degree (most connected first), then the other end's id, then the relationship's id — the order the query-time
// fallback (cypher/api/expand.cypher) uses, so that a page past the ranked ones continues where they stop. Kept on a
// :NeighbourRank node of its own (no relationship, so degrees and the :Entity checksum are untouched) as parallel
// lists: neighbour id and the lean edge that reaches it (id, type, whether it points away from the entity, basis,
// date; '' for none). `degree` is the entity's degree when ranked: a reader that sees another one knows the ranks
// are stale and reads the relationships instead.
// Parameters: $ids (entity ids), $k. Returns: ranked (how many entities).
UNWIND $ids AS entityId
MATCH (n:Entity {id: entityId})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WITH r, m, COUNT { (m)--() } AS degree
  ORDER BY degree DESC, m.id, r.id
  LIMIT $k
  RETURN collect(m.id) AS nbrIds,
         collect(r.id) AS relIds,
         collect(type(r)) AS relTypes,
         collect(startNode(r) = n) AS relOut,
         collect(coalesce(r.basis, '')) AS relBasis,
         collect(coalesce(toString(r.date), '')) AS relDates
}
MERGE (x:NeighbourRank {entityId: n.id})
SET x.degree = COUNT { (n)--() },
    x.nbrIds = nbrIds,
    x.relIds = relIds,
    x.relTypes = relTypes,
    x.relOut = relOut,
    x.relBasis = relBasis,
    x.relDates = relDates
RETURN count(x) AS ranked
