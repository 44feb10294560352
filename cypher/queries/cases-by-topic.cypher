// title: Cases on a topic
// description: Every case that addresses a topic (data protection, copyright and training data, labeling...), most recent first, with its parties.
// param topic: id = topic:copyright-training-data -- the topic
MATCH (c:Case)-[:ADDRESSES]->(:Topic {id: $topic})
OPTIONAL MATCH (p:Entity)-[pt:PARTY_TO]->(c)
RETURN c.id AS case, coalesce(c.nameEn, c.nameZh) AS name, c.caseKind AS kind, c.status AS status, c.startDate AS date,
       collect(DISTINCT coalesce(p.nameEn, p.nameZh) + ' (' + pt.role + ')') AS parties, c.outcome AS outcome
ORDER BY date DESC
