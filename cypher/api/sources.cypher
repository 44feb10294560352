// Source documents by id, for evidence. Parameters: $ids. Returns: props.
MATCH (s:Source)
WHERE s.id IN $ids
RETURN properties(s) AS props
