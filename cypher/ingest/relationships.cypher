// Relationships for marking existing candidates
// Every relationship's type and endpoints (and case), so that candidates already in the graph are marked as such.
// Parameters: none.
// Returns: type, from, to, case.
MATCH (a:Entity)-[r]->(b:Entity)
RETURN type(r) AS type,
       a.id AS from,
       b.id AS to,
       r.case AS case
