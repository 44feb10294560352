// The strongest relationships of each entity of the overview for drawing: per entity, at most $perEntity of its
// relationships to other entities of the set, those to the most connected first; lean (no quote, no sources). Rows
// may repeat an edge (once from each end); the caller keeps one. Parameters: $ids, $degree (id -> degree), $perEntity.
// Returns: total (relationships starting at this entity within the set), edges (list of {id, type, from, to, basis, date}).
MATCH (a:Entity)
WHERE a.id IN $ids
CALL (a) {
  MATCH (a)-[r]-(b:Entity)
  WHERE b.id IN $ids
  WITH r, b, startNode(r) = a AS outgoing
  ORDER BY $degree[b.id] DESC, r.id
  WITH count(CASE WHEN outgoing THEN 1 END) AS total, collect(r)[0..$perEntity] AS top
  RETURN total, [r IN top | {id: r.id, type: type(r), from: startNode(r).id, to: endNode(r).id, basis: r.basis, date: r.date}] AS edges
}
RETURN total, edges
