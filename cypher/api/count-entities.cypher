// How many entities the overview could show. Parameters: $includeSources. Returns: total.
MATCH (n:Entity)
WHERE $includeSources OR NOT n:Source
RETURN count(n) AS total
