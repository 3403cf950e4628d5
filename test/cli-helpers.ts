/** Running the built command line from tests (the workers run compiled code). */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.js';

/** The CLI under test: dist/cli.js, or $ZIPING_TEST_CLI (to show a test failing on an older build). */
export const CLI = process.env.ZIPING_TEST_CLI ? path.resolve(process.env.ZIPING_TEST_CLI) : path.join(ROOT, 'dist/cli.js');

/** Rebuilds dist/ when a source file is newer than dist/cli.js (tsc emits despite type errors elsewhere). */
export function ensureBuilt(): void {
  if (process.env.ZIPING_TEST_CLI) return;
  const built = existsSync(CLI) ? statSync(CLI).mtimeMs : 0;
  const newest = (readdirSync(path.join(ROOT, 'src'), { recursive: true }) as string[])
    .map((f) => statSync(path.join(ROOT, 'src', f)).mtimeMs).reduce((a, b) => Math.max(a, b), 0);
  if (newest > built) spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
}

export interface CliRun { code: number; stdout: string; stderr: string }

/** Runs `ziping <args>` in `cwd`. */
export function ziping(args: readonly string[], cwd: string, timeout = 240_000): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
