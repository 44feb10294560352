// Health: the server's version and edition, and the graph's size. Returns: version, edition, entities, relationships.
// Both counts come from the count store in O(1): one label per pattern (a label on both ends of the relationship would
// scan every relationship). Every relationship starts and ends at an :Entity (the loader and ingest create them
// only between entities; the LoadLock node has none), so this is the number of relationships between entities.
CALL dbms.components() YIELD versions, edition
WITH versions[0] AS version, edition
CALL {
  MATCH (n:Entity)
  RETURN count(n) AS entities
}
CALL {
  MATCH (:Entity)-[r]->()
  RETURN count(r) AS relationships
}
RETURN version, edition, entities, relationships
