// Every relationship in id order, for the graph checksum. Returns: id, type, from, to, props.
MATCH (a:Entity)-[r]->(b:Entity)
RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props
ORDER BY id
