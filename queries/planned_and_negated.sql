-- Statements that are planned, hedged or negated: kept out of `facts`, listed here.
-- newsgraph query queries/planned_and_negated.sql
SELECT article, subject, predicate, object, modality, evidence
FROM fact_evidence
WHERE modality <> 'asserted'
ORDER BY article, fact;
