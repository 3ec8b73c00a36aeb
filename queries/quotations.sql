-- Who said what, in which article (speaker resolved to its entity where known).
-- newsgraph query queries/quotations.sql
SELECT article, speaker, text
FROM quotations
ORDER BY article, quotation;
