import { dbTargetFromEnv, openDb } from '../../server/db/open-db';
import { loadEnv } from '../../server/env';

/** Opens the embedded database as the server does and keeps it open until signalled. */
const database = await openDb(dbTargetFromEnv(loadEnv()));
await database.migrate();
console.log('holding');
const close = () => void database.close().then(() => process.exit(0));
process.once('SIGTERM', close);
process.once('SIGINT', close);
setInterval(() => {}, 60_000);
