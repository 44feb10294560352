// title: Briefing: the subject entity and where it is based
// description: The entity with the given id (any label, so that a wrong label can be named in the error), its
//   properties, and its BASED_IN jurisdictions with the relationships that say so; national ones first.
// param id: string -- entity id, e.g. company:minimax
// returns: labels, props, homes [{id, code, nameEn, nameZh, national, rels}]
MATCH (s:Entity {id: $id})
RETURN [l IN labels(s) WHERE l <> 'Entity'] AS labels,
       properties(s) AS props,
       COLLECT {
         MATCH (s)-[b:BASED_IN]->(j:Jurisdiction)
         WITH j, b ORDER BY b.id
         WITH j, collect(b {.*, type: type(b)}) AS rels
         RETURN {id: j.id, code: j.code, nameEn: j.nameEn, nameZh: j.nameZh,
                 national: NOT EXISTS { (j)-[:PART_OF]->(:Jurisdiction) }, rels: rels} AS home
         ORDER BY home.national DESC, home.id
       } AS homes
