// title: Briefing: what the regulators and courts of a market did
// description: Regulators and courts based in any of the given jurisdictions and their acts up to the as-of date:
//   FINES, INVESTIGATES, RULES_ON, HEARS (a pending case), ACCUSES, SUES, ISSUES, ENFORCES, and PARTY_TO as authority or investigator. The
//   date of an act is its own date, else the earliest date of its sources; undated acts count. Most recent first.
// param scopeIds: string[] -- jurisdiction ids
// param asOf: string -- YYYY-MM-DD
// param limit: integer -- most acts returned
// returns: actor, jurisdictionId, based (the BASED_IN relationship), type, rel, target, case, date
UNWIND $scopeIds AS jid
MATCH (j:Jurisdiction {id: jid})<-[b:BASED_IN]-(actor:Entity)
WHERE actor:Regulator OR actor:Court
MATCH (actor)-[act:FINES|INVESTIGATES|RULES_ON|HEARS|ACCUSES|SUES|ISSUES|ENFORCES|PARTY_TO]->(target:Entity)
WHERE type(act) <> 'PARTY_TO' OR act.role IN ['authority', 'investigator']
WITH j, b, actor, act, target,
     coalesce(act.date, COLLECT {
       MATCH (s:Source)
       WHERE s.id IN act.sources AND s.date IS NOT NULL
       RETURN s.date AS date
       ORDER BY date
       LIMIT 1
     }[0]) AS date
WHERE date IS NULL OR date <= $asOf
RETURN actor {.id, .nameEn, .nameZh, label: [l IN labels(actor) WHERE l <> 'Entity'][0]} AS actor,
       j.id AS jurisdictionId,
       b {.*, type: type(b)} AS based,
       type(act) AS type,
       act {.*, type: type(act)} AS rel,
       target {.id, .nameEn, .nameZh, label: [l IN labels(target) WHERE l <> 'Entity'][0]} AS target,
       COLLECT { MATCH (cc:Case {id: coalesce(act.case, target.id)}) RETURN cc {.id, .nameEn, .nameZh} AS cc }[0] AS case,
       date
ORDER BY date IS NULL, date DESC, rel.id, jurisdictionId, based.id
LIMIT $limit
