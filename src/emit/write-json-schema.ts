/** Writes schemas/project-record.schema.json and schemas/template.schema.json (npm run schema). */
import { writeFileSync } from 'node:fs';
import { projectRecordJsonSchema, templateJsonSchema } from './json-schema.js';

writeFileSync(new URL('../../schemas/project-record.schema.json', import.meta.url), projectRecordJsonSchema());
writeFileSync(new URL('../../schemas/template.schema.json', import.meta.url), templateJsonSchema());
process.stdout.write('wrote schemas/project-record.schema.json, schemas/template.schema.json\n');
