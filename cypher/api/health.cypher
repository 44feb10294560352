// Health: the server's version and edition, and the graph's size. Returns: version, edition, entities, relationships.
CALL dbms.components() YIELD versions, edition
WITH versions[0] AS version, edition
CALL {
  MATCH (n:Entity)
  RETURN count(n) AS entities
}
CALL {
  MATCH (:Entity)-[r]->(:Entity)
  RETURN count(r) AS relationships
}
RETURN version, edition, entities, relationships
