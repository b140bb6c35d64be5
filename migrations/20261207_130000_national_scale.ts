import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Hand-written: indexes for a national database (measured at 1 000 000 staff, docs/performance.md).
 * - A unit subtree is a prefix of the materialized path (".1.12." holds ".1.12.45."): a btree range on
 *   `unit_path text_pattern_ops` counts a subtree from the index alone and gives the planner exact estimates;
 *   the trigram index stays for scopes written as '%.12.%'.
 * - The list page's order index carries unit_path, so a subtree page is found by an index-only scan in name order.
 * - The people of one name in Vietnamese name order straight from an index (the search takes at most a page per name).
 * - The name search's trigram filter on the distinct names is a GIN index: the GiST index, whose 96-bit
 *   signatures saturate with whole names, read all its pages for every search (57 ms vs 3 ms at 34 658 names).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE INDEX IF NOT EXISTS staff_unit_path_prefix_idx ON staff (unit_path text_pattern_ops);
  DROP INDEX IF EXISTS staff_sort_name_idx;
  CREATE INDEX staff_sort_name_idx ON staff (sort_name, id) INCLUDE (unit_path);
  CREATE INDEX IF NOT EXISTS staff_search_name_order_idx ON staff (search_name, sort_name, id);
  CREATE INDEX IF NOT EXISTS staff_names_search_name_trgm_idx ON staff_names USING gin (search_name gin_trgm_ops);
  DROP INDEX IF EXISTS staff_names_search_name_gist_idx;
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  CREATE INDEX IF NOT EXISTS staff_names_search_name_gist_idx ON staff_names USING gist (search_name gist_trgm_ops);
  DROP INDEX IF EXISTS staff_names_search_name_trgm_idx;
  DROP INDEX IF EXISTS staff_search_name_order_idx;
  DROP INDEX IF EXISTS staff_sort_name_idx;
  CREATE INDEX staff_sort_name_idx ON staff (sort_name, id);
  DROP INDEX IF EXISTS staff_unit_path_prefix_idx;
  `)
}
