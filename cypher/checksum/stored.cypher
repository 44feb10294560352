// The checksum stored by the last load, with the counts it was computed on and the counts now (both answered from
// the count store in O(1): one label, or one label on one end). Counts that differ mean the graph was changed
// outside the loader since. One row; checksum is null when no load stored one.
// Returns: checksum, loadedAt, storedEntities, storedRelationships, entities, relationships.
OPTIONAL MATCH (m:GraphMeta {name: 'graph'})
CALL () {
  MATCH (n:Entity)
  RETURN count(n) AS entities
}
CALL () {
  MATCH (:Entity)-[r]->()
  RETURN count(r) AS relationships
}
RETURN m.checksum AS checksum,
       m.loadedAt AS loadedAt,
       m.entities AS storedEntities,
       m.relationships AS storedRelationships,
       entities,
       relationships
