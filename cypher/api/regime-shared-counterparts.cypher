// Two laws whose provisions correspond to the same provision of a third regime (the GDPR's and the AI Act's impact
// assessments both correspond to PIPL Art. 55): how a lawyer compares two target markets through the home regime.
// Parameters: $a, $b (law ids), $limit. Returns: path (law a -> pa - pc - pb <- law b), thirdLaw (pc's law's
// properties).
MATCH path = (:Law {id: $a})-[:HAS_PROVISION]->(pa:Provision)-[:CORRESPONDS_TO]-(pc:Provision)-[:CORRESPONDS_TO]-(pb:Provision)<-[:HAS_PROVISION]-(:Law {id: $b})
MATCH (lc:Law)-[:HAS_PROVISION]->(pc)
WHERE NOT lc.id IN [$a, $b]
RETURN path, properties(lc) AS thirdLaw
ORDER BY pa.id, pc.id, pb.id
LIMIT $limit
