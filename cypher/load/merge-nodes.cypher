// Merge a batch of entities. Every node carries :Entity (the merge key) and its model label.
// Parameters: $rows: list of {id, label, props}. `SET n = row.props` replaces the properties, so an edit in a seed
// file (or a removed property) is applied exactly, and a second run with the same data changes nothing.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.props, n:$(row.label)
