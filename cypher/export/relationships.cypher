// Every relationship between entities, in id order, for the seed-format export. Returns: type, from, to, props.
MATCH (a:Entity)-[r]->(b:Entity)
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props
ORDER BY r.id
