// title: Briefing: the provisions cases cite, and what their targets develop
// description: For each given case: the Provisions it CITES (with the relationship), and for each company it is
//   against (PARTY_TO as defendant, respondent, accused or investigated, or the end of an INVESTIGATES, FINES, SUES or
//   ACCUSES edge of the case) the kinds of the models that company DEVELOPS. One branch per type, so that each finds
//   the case's edges through its index on `case` (cypher/schema/030-indexes.cypher) instead of reading every edge of
//   the four types (1.4 s of a 1.7 s briefing on M).
// param caseIds: string[] -- Case ids
// param targetRoles: string[] -- PARTY_TO roles that make a party a target (rules.ts TARGET_ROLES)
// returns: id, provisions, targetModelKinds
UNWIND $caseIds AS cid
MATCH (c:Case {id: cid})
RETURN c.id AS id,
       COLLECT {
         MATCH (c)-[r:CITES]->(p:Provision)
         RETURN {id: p.id, rel: r {.*, type: type(r)}} AS provision
         ORDER BY provision.id, provision.rel.id
       } AS provisions,
       COLLECT {
         CALL (c) {
           MATCH (co:Company)-[p:PARTY_TO]->(c)
           WHERE p.role IN $targetRoles
           RETURN co
           UNION
           MATCH (:Entity)-[e:INVESTIGATES]->(co:Company)
           WHERE e.case = c.id
           RETURN co
           UNION
           MATCH (:Entity)-[e:FINES]->(co:Company)
           WHERE e.case = c.id
           RETURN co
           UNION
           MATCH (:Entity)-[e:SUES]->(co:Company)
           WHERE e.case = c.id
           RETURN co
           UNION
           MATCH (:Entity)-[e:ACCUSES]->(co:Company)
           WHERE e.case = c.id
           RETURN co
         }
         MATCH (co)-[:DEVELOPS]->(m:Model)
         RETURN DISTINCT coalesce(m.modelKind, 'other') AS kind
         ORDER BY kind
       } AS targetModelKinds
ORDER BY id
