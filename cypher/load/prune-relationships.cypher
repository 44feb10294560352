// Delete relationships between entities that are no longer in the seed files, or whose type is not in the model.
// Parameters: $ids: every relationship id in the seed files; $types: the model's relationship types.
MATCH (:Entity)-[r]->(:Entity)
WHERE NOT r.id IN $ids OR NOT type(r) IN $types
DELETE r
RETURN count(*) AS deleted
