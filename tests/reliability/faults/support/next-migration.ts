import { MIGRATIONS, type Migration } from '../../../../core/storage';

// A stand-in for the next release's migration: adds a table and fills it, slowly enough to be killed in.
export const NEXT_ROWS = 100_000;
export const NEXT_MIGRATION: Migration = {
  version: MIGRATIONS.length + 1,
  name: 'reliability: next release',
  sql: `CREATE TABLE next_release (n INTEGER PRIMARY KEY, label TEXT NOT NULL) STRICT;
WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < ${NEXT_ROWS})
INSERT INTO next_release SELECT n, 'row ' || n FROM c;`,
};
