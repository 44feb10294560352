// title: Briefing: the cases of the subject and of its models
// description: Every case the subject is party to (PARTY_TO, or an end of an INVESTIGATES/FINES/SUES/ACCUSES edge
//   that names the case), and every case one of its models is involved in (INVOLVES, PARTY_TO, or investigated),
//   each with the relationship that links it. The case details come from case-details.
// param subjectId: string -- the subject's entity id
// returns: caseId, role, modelId, rel
MATCH (s:Entity {id: $subjectId})
CALL (s) {
  MATCH (s)-[p:PARTY_TO]->(c:Case)
  RETURN c.id AS caseId, p.role AS role, null AS modelId, p {.*, type: type(p)} AS rel
  UNION ALL
  MATCH (s)-[e:INVESTIGATES|FINES|SUES|ACCUSES]-(:Entity)
  WHERE e.case IS NOT NULL
  RETURN e.case AS caseId,
         CASE WHEN startNode(e) = s THEN toLower(type(e)) + ':by' ELSE toLower(type(e)) + ':of' END AS role,
         null AS modelId,
         e {.*, type: type(e)} AS rel
  UNION ALL
  MATCH (s)-[:DEVELOPS]->(m:Model)<-[i:INVOLVES]-(c:Case)
  RETURN c.id AS caseId, 'model' AS role, m.id AS modelId, i {.*, type: type(i)} AS rel
  UNION ALL
  MATCH (s)-[:DEVELOPS]->(m:Model)-[p:PARTY_TO]->(c:Case)
  RETURN c.id AS caseId, 'model' AS role, m.id AS modelId, p {.*, type: type(p)} AS rel
  UNION ALL
  MATCH (s)-[:DEVELOPS]->(m:Model)<-[e:INVESTIGATES]-(:Entity)
  WHERE e.case IS NOT NULL
  RETURN e.case AS caseId, 'model' AS role, m.id AS modelId, e {.*, type: type(e)} AS rel
}
RETURN caseId, role, modelId, rel
ORDER BY caseId, rel.id
