// Delete entities that are no longer in the seed files (with their relationships), so a load converges to the files.
// Parameters: $ids: every entity id in the seed files.
MATCH (n:Entity)
WHERE NOT n.id IN $ids
DETACH DELETE n
RETURN count(*) AS deleted
