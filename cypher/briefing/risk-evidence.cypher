// title: Briefing: the evidence for each outbound risk theme
// description: What the graph ties to each risk theme (ADDRESSES to the risk topic): cases (their details come from
//   case-details) and laws or statements, with where a law applies, who signed it and who issued it (and where those
//   are based), so that the briefing can say whether the evidence bears on the subject, its home or a market.
// param topicIds: string[] -- risk topic ids
// returns: topicId, id, label, props, rel, appliesIn, signers, issuers
UNWIND $topicIds AS topicId
MATCH (t:Topic {id: topicId})<-[r:ADDRESSES]-(x:Entity)
RETURN topicId,
       x.id AS id,
       [l IN labels(x) WHERE l <> 'Entity'][0] AS label,
       properties(x) AS props,
       r {.*, type: type(r)} AS rel,
       COLLECT {
         MATCH (x)-[a:APPLIES_IN]->(j:Jurisdiction)
         RETURN {id: j.id, rel: a {.*, type: type(a)}} AS applies
         ORDER BY applies.id, applies.rel.id
       } AS appliesIn,
       COLLECT {
         MATCH (sg:Entity)-[s:SIGNS]->(x)
         RETURN {id: sg.id, label: [l IN labels(sg) WHERE l <> 'Entity'][0], nameEn: sg.nameEn, nameZh: sg.nameZh,
                 rel: s {.*, type: type(s)},
                 basedIn: COLLECT { MATCH (sg)-[:BASED_IN]->(b:Jurisdiction) RETURN DISTINCT b.id AS b ORDER BY b }
               } AS signer
         ORDER BY signer.id, signer.rel.id
       } AS signers,
       COLLECT {
         MATCH (i:Entity)-[s:ISSUES]->(x)
         RETURN {id: i.id, label: [l IN labels(i) WHERE l <> 'Entity'][0], nameEn: i.nameEn, nameZh: i.nameZh,
                 rel: s {.*, type: type(s)},
                 basedIn: COLLECT { MATCH (i)-[:BASED_IN]->(b:Jurisdiction) RETURN DISTINCT b.id AS b ORDER BY b }
               } AS issuer
         ORDER BY issuer.id, issuer.rel.id
       } AS issuers
ORDER BY topicId, id, rel.id
