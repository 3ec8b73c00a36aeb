-- Who met whom, how often, and in how many articles.
-- newsgraph query queries/who_met_whom.sql
SELECT subject, object, count(*) AS times, count(DISTINCT article) AS articles,
       min(evidence) AS example
FROM facts
WHERE predicate = 'met_with'
GROUP BY subject_id, object_id
ORDER BY times DESC, subject, object;
