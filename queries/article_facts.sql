-- The facts of one article, in the order of its sentences, with the rule that read each.
-- newsgraph query queries/article_facts.sql --param article=004_17285699cba6f95f.txt
SELECT sentence, subject, predicate, object, role, detail, round(confidence, 2) AS confidence,
       rule, modality, evidence
FROM fact_evidence
WHERE article = :article AND shown = 1
ORDER BY sentence, fact;
