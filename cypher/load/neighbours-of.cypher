// The entities whose ranked neighbours a load may have changed: those it wrote and every entity next to them (a new
// relationship changes both ends' degrees, and so the order of their neighbours' lists).
// Parameters: $ids (entity ids the load wrote). Returns: id.
UNWIND $ids AS entityId
MATCH (n:Entity {id: entityId})
CALL (n) {
  MATCH (n)--(m:Entity)
  RETURN DISTINCT m.id AS id
  UNION
  RETURN n.id AS id
}
RETURN DISTINCT id
