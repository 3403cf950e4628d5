/** The tool's version, from package.json (the one place it is written). */
import { readFileSync } from 'node:fs';

/** `version` of package.json (this module is `src/version.ts` or `dist/version.js`). */
export const TOOL_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
