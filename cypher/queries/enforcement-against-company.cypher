// title: Enforcement actions against a company, and the laws cited
// description: Every investigation, fine, lawsuit or accusation aimed at the company (or its products), with the case, the acting party, the date, the quote and the laws the case cites.
// param company: id = company:x-corp -- the company
// Anchored on the company (an index seek), then the actions aimed at it and at the models it develops, instead of
// testing every entity as a possible target.
MATCH (co:Entity {id: $company})
CALL (co) {
  MATCH (actor:Entity)-[r:INVESTIGATES|FINES|SUES|ACCUSES]->(co)
  RETURN actor, r
  UNION ALL
  MATCH (co)-[:DEVELOPS]->(model:Entity)
  WITH DISTINCT model
  MATCH (actor:Entity)-[r:INVESTIGATES|FINES|SUES|ACCUSES]->(model)
  RETURN actor, r
}
OPTIONAL MATCH (c:Case {id: r.case})
OPTIONAL MATCH (c)-[cite:CITES]->(law:Law)
RETURN coalesce(r.date, c.startDate) AS date, type(r) AS action, actor.id AS actor, coalesce(actor.nameEn, actor.nameZh) AS actorName,
       c.id AS case, c.status AS status, collect(DISTINCT coalesce(law.nameEn, law.nameZh) + coalesce(' ' + cite.article, '')) AS lawsCited, r.quote AS quote
ORDER BY date DESC, action, actor, case, quote
