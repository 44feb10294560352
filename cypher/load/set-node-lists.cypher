// After a bulk import (src/seed/import.ts): sets the empty lists CSV import cannot write, by entity id.
// Parameters: $rows: list of [id, {key: []}].
UNWIND $rows AS row
MATCH (n:Entity {id: row[0]})
SET n += row[1]
