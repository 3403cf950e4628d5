/** Writes schemas/project-record.schema.json (npm run schema). */
import { writeFileSync } from 'node:fs';
import { projectRecordJsonSchema } from './json-schema.js';

writeFileSync(new URL('../../schemas/project-record.schema.json', import.meta.url), projectRecordJsonSchema());
process.stdout.write('wrote schemas/project-record.schema.json\n');
