// Merge a batch of entities. Every node carries :Entity (the merge key) and its model label.
// Parameters: $rows: list of lists [id, label, props] (lists, not maps: no key packed per row). `SET n = row[2]`
// replaces the properties, so an edit in a seed file (or a removed property) is applied exactly, and a second run
// with the same data changes nothing.
UNWIND $rows AS row
MERGE (n:Entity {id: row[0]})
SET n = row[2], n:$(row[1])
