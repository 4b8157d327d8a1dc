/**
 * The bigram search path. pg_trgm cannot index a 2-character CJK query (a trigram needs 3 characters),
 * and it splits text into "words" at anything that is not a letter or digit, so a query with punctuation
 * such as （长 gives it only the weak pieces around the bracket (every name with a word starting 长…).
 * Names are therefore also indexed by their overlapping 2-character pieces: a GIN index on the
 * expression `subject_name_bigrams(name)`, an IMMUTABLE function. Being an expression index, every write
 * path (single insert, bulk insert, rename, any future UPDATE) keeps it current without application
 * code, and no column is stored twice.
 *
 * The function and its index are created by the custom migration drizzle/0002_subject_name_bigrams.sql.
 */
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** pg_trgm keeps letters and digits only; any other character (brackets, spaces, ·) splits words. */
const NOT_A_WORD_CHARACTER = /[^\p{L}\p{N}]/u;

/**
 * How the bigram index serves a query: `exact` for 2 characters (the name has the query's one piece,
 * lower-cased: the whole test, so the planner estimates it from the index's statistics alone), `filter`
 * for a longer query with punctuation (having every piece is necessary, not sufficient: ILIKE stays
 * beside it), null when the trigram index serves it better.
 */
export function bigramUse(query: string): 'exact' | 'filter' | null {
  if ([...query].length === 2) return 'exact';
  return NOT_A_WORD_CHARACTER.test(query) ? 'filter' : null;
}

/** The name has every 2-character piece of the query (both lower-cased). */
export function nameHasBigrams(name: SQL.Aliased | SQL | AnyColumn, query: string): SQL {
  return sql`subject_name_bigrams(${name}) @> subject_name_bigrams(${query})`;
}
