// Nodes and relationships in the database apart from the loader's own LoadLock and GraphMeta nodes (which have no
// relationships), all from the count store (O(1)): zero means the first-load path may replace the database.
// Returns: nodes, relationships.
CALL () { MATCH (n) RETURN count(n) AS all }
CALL () { MATCH (n:LoadLock) RETURN count(n) AS locks }
CALL () { MATCH (n:GraphMeta) RETURN count(n) AS metas }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN all - locks - metas AS nodes, relationships
