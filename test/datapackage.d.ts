/** The little of datapackage-js (the Frictionless JavaScript library) the tests use. */
declare module 'datapackage' {
  export interface Resource { name: string; read(o: { keyed?: boolean; relations?: boolean }): Promise<Array<Record<string, unknown>>> }
  export const Package: {
    load(descriptor: unknown, basePath: string, strict: boolean): Promise<{ valid: boolean; errors: Error[]; resources: Resource[] }>;
  };
}
