// Every relationship of an entity, both directions, with the entity at the other end.
// Parameters: $id. Returns: type, direction, props, otherLabels, otherProps.
MATCH (n:Entity {id: $id})-[r]-(m:Entity)
RETURN type(r) AS type,
       CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction,
       properties(r) AS props,
       labels(m) AS otherLabels,
       properties(m) AS otherProps
ORDER BY type, coalesce(r.date, ''), m.id
