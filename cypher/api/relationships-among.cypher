// The relationships whose both ends are in a set of entities. Parameters: $ids, $relTypes (empty for all), $limit.
// Returns: type, from, to, props.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids
  AND (size($relTypes) = 0 OR type(r) IN $relTypes)
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props
LIMIT $limit
