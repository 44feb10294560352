// title: Briefing: crosswalk of regimes by topic
// description: For each topic, the laws that address it (ADDRESSES, with the provision) and apply in one of the given
//   jurisdictions (APPLIES_IN), so that the home regime and the target regime can be set side by side.
// param topicIds: string[] -- topic ids, in the crosswalk's order
// param jurisdictionIds: string[] -- the home's and the markets' jurisdictions and what they are part of
// returns: topicId, jurisdictionId, law, rel, appliesIn
UNWIND $topicIds AS topicId
MATCH (t:Topic {id: topicId})<-[r:ADDRESSES]-(law:Law)-[a:APPLIES_IN]->(j:Jurisdiction)
WHERE j.id IN $jurisdictionIds
// Ordered before collecting, so the citations' numbering does not follow the store's layout.
WITH topicId, j, law, r, a ORDER BY a.id
WITH topicId, j, law, r, collect(a {.*, type: type(a)}) AS appliesIn
RETURN topicId,
       j.id AS jurisdictionId,
       law {.id, .nameEn, .nameZh, .identifier, .kind, .status, .issuedDate, .effectiveDate} AS law,
       r {.*, type: type(r)} AS rel,
       appliesIn
ORDER BY topicId, jurisdictionId, law.id, rel.id
