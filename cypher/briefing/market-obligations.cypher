// title: Briefing: the obligations of the binding laws that apply in a market
// description: Every Obligation imposed by a Provision of a Law that APPLIES_IN one of the given jurisdictions (the
//   market and what it is part of), with its law, its provision (and the provision's description, which flags
//   changes reported only in secondary sources), the roles it BINDS, the penalty ceilings it is PENALISED_BY (with
//   the provision that SETS each), and the provisions of the home regime that CORRESPOND_TO its provision. Every
//   relationship is returned with its properties for citation.
// param scopeIds: string[] -- jurisdiction ids of the market and its ancestors
// param homeIds: string[] -- jurisdiction ids of the home and its ancestors (may be empty)
// returns: law, provision, obligation, imposes, roles, penalties, home
UNWIND $scopeIds AS jid
MATCH (:Jurisdiction {id: jid})<-[:APPLIES_IN]-(law:Law)
WITH DISTINCT law
MATCH (law)-[hp:HAS_PROVISION]->(p:Provision)-[im:IMPOSES]->(o:Obligation)
RETURN law {.id, .nameEn, .nameZh, .binding, .kind} AS law,
       p {.id, .number, .nameEn, .nameZh, .description, .verified, hasProvision: hp {.*, type: type(hp)}} AS provision,
       properties(o) AS obligation,
       im {.*, type: type(im)} AS imposes,
       COLLECT {
         MATCH (o)-[b:BINDS]->(r:Role)
         RETURN {id: r.id, nameEn: r.nameEn, nameZh: r.nameZh, rel: b {.*, type: type(b)}} AS role
         ORDER BY role.id
       } AS roles,
       COLLECT {
         MATCH (o)-[pb:PENALISED_BY]->(pen:Penalty)<-[st:SETS]-(pp:Provision)
         RETURN {penalty: properties(pen), number: pp.number, rel: pb {.*, type: type(pb)}, sets: st {.*, type: type(st)}} AS penalty
         ORDER BY penalty.penalty.id
       } AS penalties,
       COLLECT {
         MATCH (p)-[c:CORRESPONDS_TO]-(q:Provision)<-[:HAS_PROVISION]-(ql:Law)-[:APPLIES_IN]->(qj:Jurisdiction)
         WHERE qj.id IN $homeIds
         RETURN DISTINCT {provision: q {.id, .number, .nameEn, .nameZh}, law: ql {.id, .nameEn, .nameZh}, rel: c {.*, type: type(c)}} AS home
         ORDER BY home.provision.id, home.rel.id
       } AS home
ORDER BY law.id, o.appliesFrom, o.id
