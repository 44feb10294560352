// The most connected entities, for the explorer's first view. Sources are left out unless asked for.
// Parameters: $limit, $includeSources. Returns: labels, props, degree.
MATCH (n:Entity)
WHERE $includeSources OR NOT n:Source
WITH n, COUNT { (n)--(m) WHERE $includeSources OR NOT m:Source } AS degree
ORDER BY degree DESC, n.id
LIMIT $limit
RETURN labels(n) AS labels, properties(n) AS props, degree
