// title: Briefing: obligations by id
// description: The named obligations with their provision and law, and the IMPOSES relationship for citation (the
//   home-regime obligations a first step builds on).
// param ids: string[] -- Obligation ids
// returns: id, nameEn, nameZh, number, law, imposes
MATCH (law:Law)-[:HAS_PROVISION]->(p:Provision)-[im:IMPOSES]->(o:Obligation)
WHERE o.id IN $ids
RETURN o.id AS id,
       o.nameEn AS nameEn,
       o.nameZh AS nameZh,
       o.appliesFrom AS appliesFrom,
       p.number AS number,
       law {.id, .nameEn, .nameZh} AS law,
       im {.*, type: type(im)} AS imposes
ORDER BY id
