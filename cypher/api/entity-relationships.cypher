// An entity's relationships, both directions, grouped by type and direction, the most recent first: per group the
// total and one page ($offset, $limit) of relationships with the entity at the other end. $relType and $direction
// ('out', 'in'), when not null, keep only that group. Parameters: $id, $relType, $direction, $offset, $limit.
// Returns: type, direction, total, rels (list of {props, otherLabels, otherProps}).
MATCH (n:Entity {id: $id})-[r]-(m:Entity)
WHERE ($relType IS NULL OR type(r) = $relType)
WITH n, r, m, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction
WHERE $direction IS NULL OR direction = $direction
WITH type(r) AS type, direction, r, m
ORDER BY type, direction, coalesce(r.date, '') DESC, m.id, r.id
WITH type, direction, count(r) AS total, collect({r: r, m: m})[$offset..$offset + $limit] AS page
RETURN type,
       direction,
       total,
       [x IN page | {props: properties(x.r), otherLabels: labels(x.m), otherProps: properties(x.m)}] AS rels
ORDER BY type, direction
