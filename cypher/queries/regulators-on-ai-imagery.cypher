// title: Regulators that acted on AI-generated imagery and content labeling
// description: Regulators and courts that investigated, ruled on, or issued rules in cases and laws about labeling AI-generated content, deepfakes, or image and video models.
// param limit: int = 200 -- most rows
MATCH (reg:Entity)-[r]->(x:Entity)
WHERE (reg:Regulator OR reg:Court)
  AND type(r) IN ['INVESTIGATES', 'FINES', 'RULES_ON', 'ISSUES', 'PARTY_TO', 'ENFORCES']
  AND (EXISTS { (x)-[:ADDRESSES]->(:Topic {id: 'topic:ai-content-labeling'}) }
    OR (x:Case AND EXISTS { (x)-[:INVOLVES]->(m:Model) WHERE m.modelKind IN ['image', 'video'] })
    OR EXISTS { (c:Case {id: r.case})-[:INVOLVES]->(m:Model) WHERE m.modelKind IN ['image', 'video'] }
    OR EXISTS { (c:Case {id: r.case})-[:ADDRESSES]->(:Topic {id: 'topic:ai-content-labeling'}) })
RETURN DISTINCT reg.id AS regulator, coalesce(reg.nameEn, reg.nameZh) AS name, type(r) AS action, x.id AS target, coalesce(x.nameEn, x.nameZh) AS targetName, r.date AS date, r.basis AS basis, r.quote AS quote
ORDER BY regulator, date
LIMIT $limit
