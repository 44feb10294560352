// One step of a breadth-first expansion: the neighbours of a frontier, filtered by relationship type and label,
// most connected first. Parameters: $frontier (ids), $exclude (ids already reached), $relTypes, $labels, $limit.
// Returns: labels, props, degree.
MATCH (a:Entity)-[r]-(m:Entity)
WHERE a.id IN $frontier
  AND NOT m.id IN $exclude
  AND (size($relTypes) = 0 OR type(r) IN $relTypes)
  AND (size($labels) = 0 OR any(l IN labels(m) WHERE l IN $labels))
WITH DISTINCT m
WITH m, COUNT { (m)--() } AS degree
ORDER BY degree DESC, m.id
LIMIT $limit
RETURN labels(m) AS labels, properties(m) AS props, degree
