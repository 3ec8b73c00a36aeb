-- The most connected entities: how many facts and distinct neighbours each has.
-- newsgraph query queries/most_connected.sql
WITH edges AS (
  SELECT subject_id AS id, object_id AS other FROM facts WHERE object_id IS NOT NULL
  UNION ALL
  SELECT object_id, subject_id FROM facts WHERE object_id IS NOT NULL
)
SELECT e.id, e.name, e.type, count(*) AS facts, count(DISTINCT other) AS neighbours, e.articles
FROM edges JOIN entity e ON e.id = edges.id
GROUP BY e.id
ORDER BY facts DESC, neighbours DESC, e.id
LIMIT 25;
