-- Facts reported by the most independent sources (a story and its syndicated or
-- translated copy count once; see articles.duplicate_of).
-- newsgraph query queries/corroborated.sql
SELECT subject, predicate, object, sources, articles
FROM fact_sources
ORDER BY sources DESC, articles DESC, subject, predicate, object
LIMIT 50;
