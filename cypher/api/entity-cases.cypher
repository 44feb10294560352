// The cases an entity is party to (or, for a Case, the case itself is skipped), oldest first.
// Parameters: $id. Returns: role, props.
MATCH (n:Entity {id: $id})-[p:PARTY_TO]->(c:Case)
RETURN p.role AS role, properties(c) AS props
ORDER BY coalesce(c.startDate, '9999'), c.id
