// Every entity in id order, for the graph checksum. Returns: id, labels, props.
MATCH (n:Entity)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
ORDER BY id
