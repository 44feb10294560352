// title: Provisions corresponding to a provision
// description: The provisions of other regimes on the same duty as the given one (AI Act Art. 50(2) and China's labeling measures Art. 4, say), with the theme, how they differ, and the cross-references either way.
// param provision: id = prov:eu-ai-act:art-50-2 -- the provision
MATCH (p:Provision {id: $provision})
MATCH (p)-[r:CORRESPONDS_TO|REFERS_TO]-(other:Entity)
OPTIONAL MATCH (law:Law)-[:HAS_PROVISION]->(other)
RETURN type(r) AS relationship, CASE WHEN startNode(r) = p THEN 'out' ELSE 'in' END AS direction,
       coalesce(law.nameEn, law.nameZh, other.nameEn, other.nameZh) AS law, coalesce(other.number, '') AS article,
       coalesce(other.nameEn, other.nameZh) AS name, r.theme AS theme, r.differenceEn AS difference, r.differenceZh AS differenceZh,
       r.verified AS verified, r.referenceUrl AS url, other.id AS id
ORDER BY relationship, law, id
