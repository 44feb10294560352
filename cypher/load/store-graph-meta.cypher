// Stores the checksum of the graph a load has just written, with the counts it was computed on, so that readers
// (briefings, the API's cache) get it in O(1) instead of reading the whole graph. The GraphMeta node is not an
// :Entity, so no query of the graph sees it. Written last, after every entity and relationship of the load.
// Parameters: $checksum, $loadedAt (ISO date-time), $entities, $relationships.
MERGE (m:GraphMeta {name: 'graph'})
SET m.checksum = $checksum,
    m.loadedAt = $loadedAt,
    m.entities = $entities,
    m.relationships = $relationships
