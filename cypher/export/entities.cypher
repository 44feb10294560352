// Every entity with its model label and properties, in id order, for the seed-format export. Returns: label, props.
MATCH (n:Entity)
RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS props
ORDER BY n.id
