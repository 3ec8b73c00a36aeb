-- Every name an entity was seen under.
-- newsgraph query queries/aliases.sql --param name="Russia"
SELECT entity_id, entity, type, alias
FROM entity_aliases
WHERE entity_id IN (SELECT entity_id FROM entity_aliases WHERE alias = :name COLLATE NOCASE OR entity = :name COLLATE NOCASE)
ORDER BY entity_id, alias;
