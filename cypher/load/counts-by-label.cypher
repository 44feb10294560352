// Entities per model label. Returns: label, count.
MATCH (n:Entity)
UNWIND [l IN labels(n) WHERE l <> 'Entity'] AS label
RETURN label, count(*) AS count
ORDER BY label
