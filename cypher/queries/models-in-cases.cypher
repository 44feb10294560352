// title: AI models involved in cases, and who develops them
// description: Each model named in a case, the developer, the case, its kind and status.
MATCH (c:Case)-[:INVOLVES]->(m:Model)
OPTIONAL MATCH (dev:Entity)-[:DEVELOPS]->(m)
RETURN m.id AS model, coalesce(m.nameEn, m.nameZh) AS name, collect(DISTINCT coalesce(dev.nameEn, dev.nameZh)) AS developers,
       c.id AS case, coalesce(c.nameEn, c.nameZh) AS caseName, c.caseKind AS kind, c.status AS status, c.startDate AS date
ORDER BY date DESC, model
