// title: All actions in a jurisdiction in a date range
// description: Investigations, fines, lawsuits, accusations, rulings and issued rules whose actor or target is based in, or applies in, the jurisdiction (or a region of it), between two dates.
// param jurisdiction: id = jur:eu -- the jurisdiction
// param from: date = 2025-01-01 -- earliest event date
// param to: date = 2026-12-31 -- latest event date
// Anchored on the jurisdiction (an index seek): itself and its regions, instead of testing every jurisdiction.
MATCH (root:Jurisdiction {id: $jurisdiction})
MATCH (j:Jurisdiction)-[:PART_OF*0..1]->(root)
MATCH (x:Entity)-[:BASED_IN|APPLIES_IN]->(j)
WITH collect(DISTINCT x) AS local
UNWIND local AS x
MATCH (x)-[r:INVESTIGATES|FINES|SUES|ACCUSES|RULES_ON|ISSUES]-(other:Entity)
WHERE r.date >= $from AND r.date <= $to + '\uffff'
WITH DISTINCT r, startNode(r) AS a, endNode(r) AS b
RETURN r.date AS date, type(r) AS action, a.id AS actor, coalesce(a.nameEn, a.nameZh) AS actorName, b.id AS target, coalesce(b.nameEn, b.nameZh, b.title) AS targetName, r.case AS case, r.quote AS quote
ORDER BY date, action
