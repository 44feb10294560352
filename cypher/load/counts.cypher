// Counts of entities and relationships in the graph. Returns: entities, relationships.
MATCH (n:Entity)
WITH count(n) AS entities
OPTIONAL MATCH (:Entity)-[r]->(:Entity)
RETURN entities, count(r) AS relationships
