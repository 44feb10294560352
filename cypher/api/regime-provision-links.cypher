// How two laws meet article by article: a provision of one that CORRESPONDS_TO a provision of the other, or REFERS_TO
// the other law or one of its provisions. Each relationship is found once, from the law holding its start.
// Parameters: $a, $b (law ids). Returns: path (law -> provision -> the other end), endLaw (the path from the other
// end up to its law, null when the end is the law itself), startDates, endDates (the appliesFrom dates of the
// obligations each end imposes).
MATCH (la:Law)
WHERE la.id IN [$a, $b]
MATCH path = (la)-[:HAS_PROVISION]->(p:Provision)-[r:CORRESPONDS_TO|REFERS_TO]->(x:Entity)
MATCH (lo:Law {id: CASE WHEN la.id = $a THEN $b ELSE $a END})
WHERE x = lo OR (lo)-[:HAS_PROVISION]->(x)
OPTIONAL MATCH endLaw = (x)<-[:HAS_PROVISION]-(lo)
RETURN path,
       endLaw,
       [(p)-[:IMPOSES]->(o:Obligation) | o.appliesFrom] AS startDates,
       [(x)-[:IMPOSES]->(o:Obligation) | o.appliesFrom] AS endDates
ORDER BY type(r), p.id, x.id
