// Drops the ranked neighbours of entities that no longer exist (a load pruned them).
// Parameters: none. Returns: deleted.
MATCH (x:NeighbourRank)
WHERE NOT EXISTS { MATCH (:Entity {id: x.entityId}) }
DELETE x
RETURN count(*) AS deleted
