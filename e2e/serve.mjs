// The server the journeys run against: exactly what `npm start` runs after its build
// (scripts/start.mjs), on a fresh database file in a temp dir so every run starts from the
// seeded demo catalog and nothing a previous run bought. The dir goes when the server stops.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'abona-e2e-'));
process.env.DATABASE_URL = pathToFileURL(join(dir, 'abona.db')).href;
process.env.PORT ??= '4173';
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

await import('../scripts/start.mjs');
