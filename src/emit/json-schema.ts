/** The JSON Schemas ziping publishes, derived from their zod schemas (domain/schema.ts, domain/template.ts). */
import { z } from 'zod';
import { ProjectRecord } from '../domain/schema.js';
import { TemplateSpec } from '../domain/template.js';

/** Returns schemas/project-record.schema.json's text. */
export function projectRecordJsonSchema(): string {
  const schema = z.toJSONSchema(z.array(ProjectRecord), { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' });
  return JSON.stringify({ ...schema, title: 'ziping projects.json', description: 'An array of project records, one per table, in input order.' }, null, 2) + '\n';
}

/** Returns schemas/template.schema.json's text: a form template as written (defaults may be left out). */
export function templateJsonSchema(): string {
  const schema = z.toJSONSchema(TemplateSpec, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  return JSON.stringify({ ...schema, description: 'A form template: the words and rules of one published form, read by ziping\'s one generic reader (README "Adding a template").' }, null, 2) + '\n';
}
