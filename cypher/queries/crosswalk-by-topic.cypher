// title: Crosswalk: the laws that address each topic, by jurisdiction
// description: For every obligation topic, the laws that address it in each jurisdiction side by side, with the provision and the basis of the link.
// param jurisdictions: id[] = jur:cn,jur:eu -- jurisdictions to compare
MATCH (law:Law)-[r:ADDRESSES]->(t:Topic {category: 'obligation'})
MATCH (law)-[:APPLIES_IN]->(j:Jurisdiction)
WHERE j.id IN $jurisdictions
WITH t, j, collect(DISTINCT coalesce(law.nameEn, law.nameZh) + coalesce(' ' + r.referenceProvision, '')) AS laws
RETURN coalesce(t.nameEn, t.nameZh) AS topic, j.code AS jurisdiction, laws
ORDER BY topic, jurisdiction
