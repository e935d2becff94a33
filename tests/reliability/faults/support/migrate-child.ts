// The migration child of DUR-3: prints START, then opens the database on argv[2] with this build's
// migrations plus NEXT_MIGRATION, a slow one (it writes a few hundred thousand rows), so that a
// kill at a random moment often lands inside it. Prints OPENED when done and waits to be killed.
import { MIGRATIONS, openDatabase, type Migration } from '../../../../core/storage';
import { NEXT_MIGRATION } from './next-migration';

const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error('usage: migrate-child <dataDir>');
process.stdout.write('START\n');
const migrations: Migration[] = [...MIGRATIONS, NEXT_MIGRATION];
openDatabase(dataDir, Date.now, migrations);
process.stdout.write('OPENED\n');
setInterval(() => undefined, 60_000);
