// title: Regulators that acted on AI-generated imagery and content labeling
// description: Regulators and courts that investigated, ruled on, or issued rules in cases and laws about labeling AI-generated content, deepfakes, or image and video models.
// param limit: int = 200 -- most rows
// The topic is found once by its index and each candidate tested against that node (Expand(Into)), instead of
// reading every ADDRESSES relationship of every candidate to compare topic ids. Ties are ordered to the last column,
// so that the rows kept under the limit are always the same.
OPTIONAL MATCH (labeling:Topic {id: 'topic:ai-content-labeling'})
MATCH (reg:Entity)-[r:INVESTIGATES|FINES|RULES_ON|ISSUES|PARTY_TO|ENFORCES]->(x:Entity)
WHERE (reg:Regulator OR reg:Court)
  AND (EXISTS { (x)-[:ADDRESSES]->(labeling) }
    OR (x:Case AND EXISTS { (x)-[:INVOLVES]->(m:Model) WHERE m.modelKind IN ['image', 'video'] })
    OR EXISTS { (c:Case {id: r.case})-[:INVOLVES]->(m:Model) WHERE m.modelKind IN ['image', 'video'] }
    OR EXISTS { (c:Case {id: r.case})-[:ADDRESSES]->(labeling) })
RETURN DISTINCT reg.id AS regulator, coalesce(reg.nameEn, reg.nameZh) AS name, type(r) AS action, x.id AS target, coalesce(x.nameEn, x.nameZh) AS targetName, r.date AS date, r.basis AS basis, r.quote AS quote
ORDER BY regulator, date, action, target, basis, quote
LIMIT $limit
