/**
 * The two-character search path. pg_trgm cannot answer a 2-character CJK query from its index (a
 * trigram needs 3 characters), so names are also indexed by their overlapping 2-character pieces:
 * a GIN index on the expression `subject_name_bigrams(name)`, an IMMUTABLE SQL function. Being an
 * expression index, every write path (single insert, bulk insert, rename, any future UPDATE) keeps it
 * current without application code, and no column is stored twice.
 *
 * The function and its index are created by the custom migration drizzle/0002_subject_name_bigrams.sql.
 */
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** The condition for a 2-character query: the name contains these two characters (case-insensitive). */
export function nameHasBigram(name: SQL.Aliased | SQL | AnyColumn, query: string): SQL {
  return sql`subject_name_bigrams(${name}) @> array[lower(${query})]::text[]`;
}
