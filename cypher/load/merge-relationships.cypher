// Merge a batch of relationships of one type, found by their stable id through the per-type uniqueness index.
// REL_TYPE is replaced by the loader with a type from the model's closed list (validated, never user input): with a
// dynamic type ($($type)) the planner cannot use the relationship index and expands every edge of hub nodes instead,
// which made loads ~20x slower (see BENCHMARKS.md). Parameters: $rows: list of lists [from, to, props]; `SET r =`
// replaces the properties, so a property removed from a seed file (or added by hand) goes.
UNWIND $rows AS row
MATCH (a:Entity {id: row[0]})
MATCH (b:Entity {id: row[1]})
MERGE (a)-[r:REL_TYPE {id: row[2].id}]->(b)
SET r = row[2]
