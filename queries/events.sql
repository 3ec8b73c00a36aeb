-- Events with where and when they took place, and who attended.
-- newsgraph query queries/events.sql
SELECT e.entity_id AS event_id, e.entity AS event,
       (SELECT group_concat(DISTINCT object) FROM facts WHERE subject_id = e.entity_id AND predicate = 'held_in') AS place,
       (SELECT group_concat(DISTINCT object) FROM facts WHERE subject_id = e.entity_id AND predicate = 'held_on') AS dates,
       (SELECT group_concat(DISTINCT subject) FROM facts WHERE object_id = e.entity_id AND predicate IN ('attended', 'observer_at')) AS attended_by
FROM (SELECT DISTINCT entity_id, entity FROM entity_aliases WHERE type = 'EVENT') e
WHERE place IS NOT NULL OR dates IS NOT NULL OR attended_by IS NOT NULL
ORDER BY event;
