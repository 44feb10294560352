// title: Companies accused, sued or investigated by more than one party
// description: Companies that several distinct parties have accused, sued, investigated or fined, with who and in which cases.
// param minParties: int = 2 -- the fewest distinct parties
MATCH (actor:Entity)-[r:ACCUSES|SUES|INVESTIGATES|FINES]->(co:Company)
WITH co, collect(DISTINCT actor.id) AS parties, collect(DISTINCT type(r)) AS actions, collect(DISTINCT r.case) AS cases
WHERE size(parties) >= $minParties
RETURN co.id AS company, coalesce(co.nameEn, co.nameZh) AS name, size(parties) AS partyCount, parties, actions, cases
ORDER BY partyCount DESC, company
