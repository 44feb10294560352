// Delete relationships between entities that are no longer in the seed files.
// Parameters: $ids: every relationship id in the seed files.
MATCH (:Entity)-[r]->(:Entity)
WHERE NOT r.id IN $ids
DELETE r
RETURN count(*) AS deleted
