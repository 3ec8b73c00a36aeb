-- Who said what, in which article (speaker resolved to its entity where known).
-- newsgraph query queries/quotations.sql
SELECT q.article, e.name AS speaker, q.text
FROM quotation q
LEFT JOIN local_entity l ON l.article = q.article AND l.local_id = q.speaker
LEFT JOIN entity e ON e.id = l.entity_id
ORDER BY q.article, q.idx;
