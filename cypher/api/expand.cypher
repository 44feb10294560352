// One step of a bounded neighbourhood read from the relationships themselves: what cypher/api/expand-ranked.cypher
// cannot answer (a relationship type or label filter, a page past the ranked ones, an entity not ranked or ranked
// before the graph changed). Per frontier entity at most $k relationships from $offset, in the ranked order (the
// other end's degree, most connected first, then its id, then the relationship's id). Reads every relationship of
// the entity that passes the filters: the cost is the entity's degree, paid only for these cases.
// Parameters: $frontier (ids), $relTypes, $labels, $offset, $k.
// Returns: id, degree, nbrIds, relIds, relTypes, relOut, relBasis, relDates.
UNWIND $frontier AS entityId
MATCH (a:Entity {id: entityId})
CALL (a) {
  MATCH (a)-[r]-(m:Entity)
  WHERE (size($relTypes) = 0 OR type(r) IN $relTypes)
    AND (size($labels) = 0 OR any(l IN labels(m) WHERE l IN $labels))
  WITH r, m, COUNT { (m)--() } AS degree
  ORDER BY degree DESC, m.id, r.id
  SKIP $offset
  LIMIT $k
  RETURN collect(m.id) AS nbrIds,
         collect(r.id) AS relIds,
         collect(type(r)) AS relTypes,
         collect(startNode(r) = a) AS relOut,
         collect(coalesce(r.basis, '')) AS relBasis,
         collect(coalesce(toString(r.date), '')) AS relDates
}
RETURN a.id AS id, COUNT { (a)--() } AS degree, nbrIds, relIds, relTypes, relOut, relBasis, relDates
