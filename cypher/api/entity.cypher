// One entity by id. Parameters: $id. Returns: labels, props, degree.
MATCH (n:Entity {id: $id})
RETURN labels(n) AS labels, properties(n) AS props, COUNT { (n)--() } AS degree
