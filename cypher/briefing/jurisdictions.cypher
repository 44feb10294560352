// title: Briefing: jurisdictions by code
// description: Resolves market and home codes (EU, GB, US, KR, CN-JS) to Jurisdiction nodes, with what each is part of
//   (the EU for a member state, through PART_OF: its laws and authorities count in the member state) and its parts
//   (provinces, states: their laws apply in part of the market). Codes the graph does not hold return no row.
// param codes: string[] -- jurisdiction codes, upper case
// returns: code, id, nameEn, nameZh, ancestors [{id, code, nameEn, nameZh}], parts [{id, code, nameEn, nameZh}]
UNWIND $codes AS code
MATCH (j:Jurisdiction {id: 'jur:' + toLower(code)})
WHERE j.code = code
RETURN code,
       j.id AS id,
       j.nameEn AS nameEn,
       j.nameZh AS nameZh,
       COLLECT {
         MATCH (j)-[:PART_OF*1..4]->(a:Jurisdiction)
         RETURN DISTINCT a {.id, .code, .nameEn, .nameZh} AS a
         ORDER BY a.id
       } AS ancestors,
       COLLECT {
         MATCH (p:Jurisdiction)-[:PART_OF*1..4]->(j)
         RETURN DISTINCT p {.id, .code, .nameEn, .nameZh} AS p
         ORDER BY p.id
       } AS parts
