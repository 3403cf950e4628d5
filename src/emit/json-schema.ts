/** The JSON Schema of the canonical record, derived from the zod schema (domain/schema.ts). */
import { z } from 'zod';
import { ProjectRecord } from '../domain/schema.js';

/** Returns schemas/project-record.schema.json's text. */
export function projectRecordJsonSchema(): string {
  const schema = z.toJSONSchema(z.array(ProjectRecord), { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' });
  return JSON.stringify({ ...schema, title: 'ziping projects.json', description: 'An array of project records, one per table, in input order.' }, null, 2) + '\n';
}
