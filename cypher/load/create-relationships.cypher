// Create a batch of relationships of one type that do not exist yet (the loader checked their ids under the load
// lock, and the uniqueness constraint refuses a duplicate). CREATE needs no per-row lock on the pattern, which makes
// a first load several times faster than MERGE. REL_TYPE as in merge-relationships. Parameters: $rows.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:REL_TYPE]->(b)
SET r = row.props
