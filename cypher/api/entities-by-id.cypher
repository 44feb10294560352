// Entities by id, with their degree. Parameters: $ids. Returns: labels, props, degree.
UNWIND $ids AS entityId
MATCH (n:Entity {id: entityId})
RETURN labels(n) AS labels, properties(n) AS props, COUNT { (n)--() } AS degree
