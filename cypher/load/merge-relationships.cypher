// Merge a batch of relationships of one type, found by their stable id.
// Parameters: $type: the relationship type (from the model's list); $rows: list of {id, from, to, props}.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$($type) {id: row.id}]->(b)
SET r = row.props
