// Every entity, for export. Parameters: $limit. Returns: labels, props.
MATCH (n:Entity)
RETURN labels(n) AS labels, properties(n) AS props
ORDER BY n.id
LIMIT $limit
