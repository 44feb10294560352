// Entities for linking
// The names and aliases of every entity, for the ingest command's entity linker (sources included: their ids are
// taken, so that new source ids never collide with them).
// Parameters: none.
// Returns: id, label (the model label), nameEn, nameZh, aliases, description, within (for a jurisdiction, the ids of
// the jurisdictions it is PART_OF: Ireland in the EU).
MATCH (n:Entity)
RETURN n.id AS id,
       [l IN labels(n) WHERE l <> 'Entity'][0] AS label,
       n.nameEn AS nameEn,
       n.nameZh AS nameZh,
       coalesce(n.aliases, []) AS aliases,
       n.description AS description,
       [(n:Jurisdiction)-[:PART_OF]->(p:Jurisdiction) | p.id] AS within
ORDER BY id
