// One relationship by id, with both ends, for the explorer's edge panel. REL_TYPE is replaced by one of the model's
// relationship types (checked by the caller) so that the per-type id index answers. Parameters: $id.
// Returns: type, props, fromLabels, fromProps, toLabels, toProps.
MATCH (a:Entity)-[r:REL_TYPE {id: $id}]->(b:Entity)
RETURN type(r) AS type,
       properties(r) AS props,
       labels(a) AS fromLabels,
       properties(a) AS fromProps,
       labels(b) AS toLabels,
       properties(b) AS toProps
