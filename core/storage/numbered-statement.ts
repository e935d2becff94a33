import type Database from 'better-sqlite3';

// better-sqlite3 binds `?1`, `?2` … only from an object keyed by number. Statements that reuse a
// parameter are written with numbered parameters and called positionally through this wrapper.

export type NumberedStatement<P extends unknown[], R> = {
  run(...params: P): Database.RunResult;
  get(...params: P): R | undefined;
  all(...params: P): R[];
};

export function prepareNumbered<P extends unknown[], R = unknown>(db: Database.Database, sql: string): NumberedStatement<P, R> {
  const statement = db.prepare(sql);
  const bind = (params: P) => Object.fromEntries(params.map((value, index) => [index + 1, value]));
  return {
    run: (...params) => statement.run(bind(params)),
    get: (...params) => statement.get(bind(params)) as R | undefined,
    all: (...params) => statement.all(bind(params)) as R[],
  };
}
