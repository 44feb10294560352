// Relationships per type. Returns: type, count.
MATCH (:Entity)-[r]->(:Entity)
RETURN type(r) AS type, count(*) AS count
ORDER BY type
