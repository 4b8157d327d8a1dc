-- 2-character name search: pg_trgm cannot index 2-character CJK queries, so names are also indexed by
-- their overlapping 2-character pieces (see src/modules/subjects/name-bigrams.ts).
CREATE OR REPLACE FUNCTION subject_name_bigrams(name text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT coalesce(array_agg(DISTINCT substr(lower(name), i, 2)), '{}'::text[]) FROM generate_series(1, char_length(name) - 1) AS i $$;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS subjects_name_bigram_idx ON subjects USING gin (subject_name_bigrams(name));
