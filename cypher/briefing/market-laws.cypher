// title: Briefing: the laws and guidance that apply in a market
// description: Laws that APPLIES_IN any of the given jurisdictions (the market, what it is part of, its parts), one
//   row per law and jurisdiction, with the APPLIES_IN relationships, every topic the law addresses (ADDRESSES with its
//   provision), who issued it (ISSUES, with dates) and the earliest of those issue dates.
// param scopeIds: string[] -- jurisdiction ids
// returns: id, props, jurisdictionId, appliesIn, topics, issuers, issuedDate
UNWIND $scopeIds AS jid
MATCH (j:Jurisdiction {id: jid})<-[a:APPLIES_IN]-(law:Law)
// Ordered before collecting: a law can apply in a jurisdiction by a reported and a curated edge, and their order
// numbers the briefing's citations (unordered, it followed the store's layout and changed after a reload).
WITH law, j, a ORDER BY a.id
WITH law, j, collect(a {.*, type: type(a)}) AS appliesIn
RETURN law.id AS id,
       properties(law) AS props,
       j.id AS jurisdictionId,
       appliesIn,
       COLLECT {
         MATCH (law)-[r:ADDRESSES]->(t:Topic)
         RETURN {id: t.id, category: t.category, nameEn: t.nameEn, nameZh: t.nameZh, rel: r {.*, type: type(r)}} AS topic
         ORDER BY topic.id, topic.rel.id
       } AS topics,
       COLLECT {
         MATCH (i:Entity)-[r:ISSUES]->(law)
         RETURN {id: i.id, nameEn: i.nameEn, nameZh: i.nameZh, rel: r {.*, type: type(r)}} AS issuer
         ORDER BY issuer.id, issuer.rel.id
       } AS issuers,
       COLLECT {
         MATCH (:Entity)-[r:ISSUES]->(law)
         WHERE r.date IS NOT NULL
         RETURN r.date AS date
         ORDER BY date
         LIMIT 1
       }[0] AS issuedDate
ORDER BY id, jurisdictionId
