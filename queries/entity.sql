-- Everything the graph says about one entity, with the sentence it came from.
-- newsgraph query queries/entity.sql --param name="Ahmed Ismayilov"
-- (any alias works: the entity is found through entity_aliases)
SELECT f.article, f.subject, f.predicate, f.object, f.role, f.detail,
       round(f.confidence, 2) AS confidence, f.evidence
FROM facts f
WHERE f.subject_id IN (SELECT entity_id FROM entity_aliases WHERE alias = :name COLLATE NOCASE)
   OR f.object_id  IN (SELECT entity_id FROM entity_aliases WHERE alias = :name COLLATE NOCASE)
ORDER BY f.article, f.predicate;
