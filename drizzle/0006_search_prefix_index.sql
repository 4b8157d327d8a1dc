-- Search speed (docs/performance.md, 信用查询): the bigram function as PL/pgSQL (about 2.6 µs a call instead of
-- 8–22 µs; the GIN index stores the same distinct pieces, so it needs no rebuild).
CREATE OR REPLACE FUNCTION subject_name_bigrams(name text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
DECLARE
  lowered text := lower(name);
  pieces text[] := '{}';
BEGIN
  FOR i IN 1 .. char_length(lowered) - 1 LOOP
    pieces := pieces || substr(lowered, i, 2);
  END LOOP;
  RETURN pieces;
END
$$;
--> statement-breakpoint
-- Prefix matches of a name search, read index-only (see searchByName in src/modules/subjects/repository.ts).
CREATE INDEX IF NOT EXISTS subjects_name_prefix_idx ON subjects ((lower(name) COLLATE "C")) INCLUDE (kind, name, id);
--> statement-breakpoint
-- Ingest's namesake check (a new organisation's code against existing organisations of the same name).
CREATE INDEX IF NOT EXISTS subjects_org_name_idx ON subjects (name) WHERE kind <> 'natural_person';
