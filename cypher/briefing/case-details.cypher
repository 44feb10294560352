// title: Briefing: the details of cases
// description: For each case: its properties; its parties (PARTY_TO, with where each is based, directly and through
//   PART_OF, and for a model its developers); the party-to-party edges of the case (INVESTIGATES, FINES, SUES,
//   ACCUSES naming it) among its parties; who rules on it; the topics it addresses; the laws it cites or involves
//   (with where they apply); the models it involves; where it is reported; and the earliest date of any of its
//   sources. Every relationship comes with its properties (id, basis, quote, sources, reference, date...).
// param caseIds: string[] -- case ids
// returns: id, props, parties, edges, rulings, topics, laws, models, reportedIn, sourceDate
UNWIND $caseIds AS caseId
MATCH (c:Case {id: caseId})
RETURN c.id AS id,
       properties(c) AS props,
       COLLECT {
         MATCH (x:Entity)-[p:PARTY_TO]->(c)
         RETURN {id: x.id, label: [l IN labels(x) WHERE l <> 'Entity'][0], nameEn: x.nameEn, nameZh: x.nameZh,
                 role: p.role, rel: p {.*, type: type(p)},
                 basedIn: COLLECT { MATCH (x)-[:BASED_IN]->(b:Jurisdiction) RETURN DISTINCT b.id AS b ORDER BY b },
                 homes: COLLECT {
                   MATCH (x)-[:BASED_IN]->(:Jurisdiction)-[:PART_OF*0..4]->(h:Jurisdiction)
                   RETURN DISTINCT h.id AS h
                   ORDER BY h
                 },
                 developers: COLLECT { MATCH (d:Company)-[:DEVELOPS]->(x:Model) RETURN DISTINCT d.id AS d ORDER BY d }
               } AS party
         ORDER BY party.id, party.rel.id
       } AS parties,
       COLLECT {
         MATCH (x:Entity)-[:PARTY_TO]->(c)
         MATCH (x)-[e:INVESTIGATES|FINES|SUES|ACCUSES]->(y:Entity)
         WHERE e.case = c.id
         RETURN DISTINCT {type: type(e), from: x.id, to: y.id, rel: e {.*, type: type(e)}} AS edge
         ORDER BY edge.rel.id
       } AS edges,
       COLLECT {
         MATCH (x:Entity)-[r:RULES_ON]->(c)
         RETURN {id: x.id, label: [l IN labels(x) WHERE l <> 'Entity'][0], nameEn: x.nameEn, nameZh: x.nameZh,
                 rel: r {.*, type: type(r)},
                 basedIn: COLLECT { MATCH (x)-[:BASED_IN]->(b:Jurisdiction) RETURN DISTINCT b.id AS b ORDER BY b }
               } AS ruling
         ORDER BY ruling.id, ruling.rel.id
       } AS rulings,
       COLLECT {
         MATCH (c)-[r:ADDRESSES]->(t:Topic)
         RETURN {id: t.id, category: t.category, nameEn: t.nameEn, nameZh: t.nameZh, rel: r {.*, type: type(r)}} AS topic
         ORDER BY topic.id, topic.rel.id
       } AS topics,
       COLLECT {
         MATCH (c)-[r:CITES|INVOLVES]->(l:Law)
         RETURN {id: l.id, nameEn: l.nameEn, nameZh: l.nameZh, article: r.article, rel: r {.*, type: type(r)},
                 appliesIn: COLLECT { MATCH (l)-[:APPLIES_IN]->(j:Jurisdiction) RETURN DISTINCT j.id AS j ORDER BY j }
               } AS law
         ORDER BY law.id, law.rel.id
       } AS laws,
       COLLECT {
         MATCH (c)-[r:INVOLVES]->(m:Model)
         RETURN {id: m.id, nameEn: m.nameEn, nameZh: m.nameZh, rel: r {.*, type: type(r)},
                 developers: COLLECT { MATCH (d:Company)-[:DEVELOPS]->(m) RETURN DISTINCT d.id AS d ORDER BY d }
               } AS model
         ORDER BY model.id, model.rel.id
       } AS models,
       COLLECT {
         MATCH (c)-[r:REPORTED_IN]->(:Source)
         RETURN r {.*, type: type(r)} AS rel
         ORDER BY rel.id
       } AS reportedIn,
       COLLECT {
         MATCH (c)-[r:REPORTED_IN|PARTY_TO]-(:Entity)
         MATCH (s:Source)
         WHERE s.id IN r.sources AND s.date IS NOT NULL
         RETURN s.date AS date
         ORDER BY date
         LIMIT 1
       }[0] AS sourceDate
ORDER BY id
