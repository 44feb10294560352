// Full-text search over names and aliases in Chinese and English. The `cjk` analyzer indexes CJK text as
// bigrams, so that Chinese names are found by any two-character part; one-character queries use a wildcard.
// Eventually consistent: writes do not wait for Lucene (2x faster loads); the loader waits for the refresh at the end.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.nameEn, n.nameZh, n.aliasesText, n.title] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: true}};
// Dates: cases by start, laws by issue and effect, sources by date, relationships by event date.
CREATE INDEX case_start_date IF NOT EXISTS FOR (n:Case) ON (n.startDate);
CREATE INDEX law_issued_date IF NOT EXISTS FOR (n:Law) ON (n.issuedDate);
CREATE INDEX law_effective_date IF NOT EXISTS FOR (n:Law) ON (n.effectiveDate);
CREATE INDEX source_date IF NOT EXISTS FOR (n:Source) ON (n.date);
CREATE INDEX model_release_date IF NOT EXISTS FOR (n:Model) ON (n.releaseDate);
CREATE INDEX rel_investigates_date IF NOT EXISTS FOR ()-[r:INVESTIGATES]-() ON (r.date);
CREATE INDEX rel_sues_date IF NOT EXISTS FOR ()-[r:SUES]-() ON (r.date);
CREATE INDEX rel_accuses_date IF NOT EXISTS FOR ()-[r:ACCUSES]-() ON (r.date);
CREATE INDEX rel_fines_date IF NOT EXISTS FOR ()-[r:FINES]-() ON (r.date);
CREATE INDEX rel_cites_date IF NOT EXISTS FOR ()-[r:CITES]-() ON (r.date);
CREATE INDEX rel_issues_date IF NOT EXISTS FOR ()-[r:ISSUES]-() ON (r.date);
CREATE INDEX rel_develops_date IF NOT EXISTS FOR ()-[r:DEVELOPS]-() ON (r.date);
CREATE INDEX rel_rules_on_date IF NOT EXISTS FOR ()-[r:RULES_ON]-() ON (r.date);
CREATE INDEX rel_party_to_date IF NOT EXISTS FOR ()-[r:PARTY_TO]-() ON (r.date);
CREATE INDEX rel_signs_date IF NOT EXISTS FOR ()-[r:SIGNS]-() ON (r.date);
CREATE INDEX rel_implements_date IF NOT EXISTS FOR ()-[r:IMPLEMENTS]-() ON (r.date);
CREATE INDEX rel_amends_date IF NOT EXISTS FOR ()-[r:AMENDS]-() ON (r.date);
CREATE INDEX rel_addresses_date IF NOT EXISTS FOR ()-[r:ADDRESSES]-() ON (r.date);
CREATE INDEX rel_applies_in_date IF NOT EXISTS FOR ()-[r:APPLIES_IN]-() ON (r.date);
CREATE INDEX rel_based_in_date IF NOT EXISTS FOR ()-[r:BASED_IN]-() ON (r.date);
CREATE INDEX rel_enforces_date IF NOT EXISTS FOR ()-[r:ENFORCES]-() ON (r.date);
CREATE INDEX rel_involves_date IF NOT EXISTS FOR ()-[r:INVOLVES]-() ON (r.date);
CREATE INDEX rel_part_of_date IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.date);
CREATE INDEX rel_reported_in_date IF NOT EXISTS FOR ()-[r:REPORTED_IN]-() ON (r.date);
CREATE INDEX rel_hears_date IF NOT EXISTS FOR ()-[r:HEARS]-() ON (r.date);
// Application dates of obligations: the compliance calendar and "what starts applying next".
CREATE INDEX obligation_applies_from IF NOT EXISTS FOR (n:Obligation) ON (n.appliesFrom);
// The case an action belongs to: a briefing finds a case's edges by it (cypher/briefing/case-provisions.cypher).
CREATE INDEX rel_investigates_case IF NOT EXISTS FOR ()-[r:INVESTIGATES]-() ON (r.case);
CREATE INDEX rel_fines_case IF NOT EXISTS FOR ()-[r:FINES]-() ON (r.case);
CREATE INDEX rel_sues_case IF NOT EXISTS FOR ()-[r:SUES]-() ON (r.case);
CREATE INDEX rel_accuses_case IF NOT EXISTS FOR ()-[r:ACCUSES]-() ON (r.case);
