// After a bulk import (src/seed/import.ts): sets the empty lists CSV import cannot write, by relationship id through
// the per-type uniqueness index. REL_TYPE as in merge-relationships. Parameters: $rows: list of [id, {key: []}].
UNWIND $rows AS row
MATCH ()-[r:REL_TYPE {id: row[0]}]->()
SET r += row[1]
