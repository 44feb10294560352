// Counts of entities and relationships in the graph, both from the count store (O(1) on any size; every relationship
// starts at an :Entity: LoadLock has none). Returns: entities, relationships.
CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
CALL () { MATCH (:Entity)-[r]->() RETURN count(r) AS relationships }
RETURN entities, relationships
