// title: Briefing: the cases that take place in a market
// description: Ids of the cases placed in any of the given jurisdictions (the market, what it is part of, its parts):
//   an authority, investigator, plaintiff, complainant or accuser based there (or the jurisdiction itself as such a
//   party), a court or regulator based there that rules on (or hears) the case, the actor of a case's INVESTIGATES/FINES/SUES/
//   ACCUSES edge based there, or a law that applies there cited or involved by the case.
// param scopeIds: string[] -- jurisdiction ids
// param venueRoles: string[] -- PARTY_TO roles that place a case (rules.ts VENUE_ROLES)
// returns: id
UNWIND $scopeIds AS jid
MATCH (j:Jurisdiction {id: jid})
CALL (j) {
  MATCH (j)<-[:BASED_IN]-(:Entity)-[p:PARTY_TO]->(c:Case)
  WHERE p.role IN $venueRoles
  RETURN c
  UNION
  MATCH (j)-[p:PARTY_TO]->(c:Case)
  WHERE p.role IN $venueRoles
  RETURN c
  UNION
  MATCH (j)<-[:BASED_IN]-(:Entity)-[:RULES_ON|HEARS]->(c:Case)
  RETURN c
  UNION
  MATCH (j)<-[:BASED_IN]-(:Entity)-[e:INVESTIGATES|FINES|SUES|ACCUSES]->(:Entity)
  WHERE e.case IS NOT NULL
  MATCH (c:Case {id: e.case})
  RETURN c
  UNION
  MATCH (j)<-[:APPLIES_IN]-(:Law)<-[:CITES|INVOLVES]-(c:Case)
  RETURN c
}
RETURN DISTINCT c.id AS id
ORDER BY id
