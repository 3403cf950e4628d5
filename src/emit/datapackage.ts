/**
 * `datapackage.json`: the dataset as a Frictionless Tabular Data Package (v1 `tabular-data-package`
 * profile, read by frictionless-py, datapackage-js and others). Each CSV table is a resource whose
 * Table Schema is the table's columns (domain/columns.ts), in order and with the header names the
 * run wrote, with their types, primary keys and the foreign keys that join the tables.
 */
import { headerOf, TABLES, type HeaderLanguage, type TableFile } from '../domain/columns.js';
import { TOOL_VERSION } from '../version.js';

interface Key { fields: string[]; reference: { resource: string; fields: string[] } }

/** Primary and foreign keys of each table, by column key. */
const KEYS: Record<TableFile, { primaryKey?: string[]; foreignKeys?: Array<{ fields: string[]; resource: TableFile; ref: string[] }> }> = {
  'inputs.csv': { primaryKey: ['path'] },
  'projects.csv': { primaryKey: ['id'], foreignKeys: [{ fields: ['path'], resource: 'inputs.csv', ref: ['path'] }] },
  'indicators.csv': { primaryKey: ['project_id', 'n'], foreignKeys: [{ fields: ['project_id'], resource: 'projects.csv', ref: ['id'] }] },
  'issues.csv': { foreignKeys: [{ fields: ['path'], resource: 'inputs.csv', ref: ['path'] }, { fields: ['project_id'], resource: 'projects.csv', ref: ['id'] }] },
};

/** Resource name of a CSV file (`projects.csv` → `projects`). */
const resourceName = (file: TableFile): string => file.replace(/\.csv$/, '');

/** Given how the CSV files were written, returns the data package descriptor. */
export function dataPackage(opts: { csvEncoding: 'utf-8' | 'gb18030'; headers?: HeaderLanguage }): Record<string, unknown> {
  const lang = opts.headers ?? 'en';
  const name = (file: TableFile, key: string): string => headerOf(TABLES[file].find((c) => c.key === key)!, lang);
  const resources = (Object.keys(TABLES) as TableFile[]).map((file) => {
    const keys = KEYS[file];
    const schema: Record<string, unknown> = {
      fields: TABLES[file].map((c) => ({
        name: headerOf(c, lang),
        ...(lang === 'zh' ? { title: c.key } : { title: c.zh }),
        type: c.type,
        description: c.description,
      })),
      // Empty cells are missing values (null in the JSON records).
      missingValues: [''],
    };
    if (keys.primaryKey) schema.primaryKey = keys.primaryKey.map((k) => name(file, k));
    if (keys.foreignKeys) {
      schema.foreignKeys = keys.foreignKeys.map((fk): Key => ({
        fields: fk.fields.map((k) => name(file, k)),
        reference: { resource: resourceName(fk.resource), fields: fk.ref.map((k) => name(fk.resource, k)) },
      }));
    }
    return {
      name: resourceName(file),
      path: file,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      // UTF-8 files start with a BOM (for Excel); utf-8-sig is the name Python's csv and pandas,
      // and so frictionless-py, read such files by without keeping the BOM in the first header.
      encoding: opts.csvEncoding === 'utf-8' ? 'utf-8-sig' : 'gb18030',
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
      schema,
    };
  });
  return {
    profile: 'tabular-data-package',
    name: 'ziping-performance-self-evaluations',
    title: '项目支出绩效自评表 (performance self-evaluation tables)',
    description: 'One row per project table (projects), per indicator (indicators), per issue or repair (issues) and per input file (inputs), as read by ziping; every figure as printed, with the recomputed checks beside it.',
    sources: [{ title: 'see inputs.csv (path, url, published, department)' }],
    contributors: [{ title: `ziping ${TOOL_VERSION}`, role: 'wrangler' }],
    resources,
  };
}
