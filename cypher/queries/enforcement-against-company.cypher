// title: Enforcement actions against a company, and the laws cited
// description: Every investigation, fine, lawsuit or accusation aimed at the company (or its products), with the case, the acting party, the date, the quote and the laws the case cites.
// param company: id = company:x-corp -- the company
MATCH (actor:Entity)-[r:INVESTIGATES|FINES|SUES|ACCUSES]->(target:Entity)
WHERE target.id = $company OR EXISTS { (:Entity {id: $company})-[:DEVELOPS]->(target) }
OPTIONAL MATCH (c:Case {id: r.case})
OPTIONAL MATCH (c)-[cite:CITES]->(law:Law)
RETURN coalesce(r.date, c.startDate) AS date, type(r) AS action, actor.id AS actor, coalesce(actor.nameEn, actor.nameZh) AS actorName,
       c.id AS case, c.status AS status, collect(DISTINCT coalesce(law.nameEn, law.nameZh) + coalesce(' ' + cite.article, '')) AS lawsCited, r.quote AS quote
ORDER BY date DESC
