-- Who heads or works for which organisation, country or delegation, with the role stated.
-- newsgraph query queries/who_heads_what.sql
SELECT subject AS person, predicate, object AS body, object_type,
       group_concat(DISTINCT role) AS roles, count(DISTINCT article) AS articles
FROM facts
WHERE predicate IN ('heads', 'works_for', 'represents', 'member_of')
GROUP BY subject_id, predicate, object_id
ORDER BY person, predicate, body;
