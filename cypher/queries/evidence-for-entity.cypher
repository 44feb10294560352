// title: Every quote about an entity
// description: All reported relationships touching the entity, with the verbatim quote and the source ids, oldest first; the material to cite.
// param entity: id = company:openai -- the entity
MATCH (n:Entity {id: $entity})-[r]-(m:Entity)
WHERE r.basis = 'reported' AND NOT m:Source
RETURN r.date AS date, type(r) AS type, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction, coalesce(m.nameEn, m.nameZh) AS other, r.quote AS quote, r.sources AS sources
ORDER BY date, type
