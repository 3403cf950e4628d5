/** Helpers for the hostile-input tests: run the built CLI (as an unprivileged user when we are root). */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CLI = path.join(ROOT, 'dist/cli.js');
export const DEV = path.resolve(ROOT, '../shared/corpus/dev');
export const SAMPLE = path.join(ROOT, 'samples/shanghai_rsj_2023_dump.txt');
export const PRODUCERS = path.join(ROOT, 'test/fixtures/producers');

/** Rebuilds dist/ when a source file is newer than dist/cli.js (the workers run compiled code). */
export function ensureBuilt(): void {
  const built = existsSync(CLI) ? statSync(CLI).mtimeMs : 0;
  const newest = (readdirSync(path.join(ROOT, 'src'), { recursive: true }) as string[])
    .map((f) => statSync(path.join(ROOT, 'src', f)).mtimeMs).reduce((a, b) => Math.max(a, b), 0);
  if (newest > built) spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
}

/** True when this process runs as root: file modes do not stop it, so permission tests drop to `nobody`. */
export const IS_ROOT = process.getuid?.() === 0;
/**
 * Whether the tests can drop privileges (setpriv, from util-linux) and `nobody` can still read the
 * built CLI (a checkout in a private folder, as `mktemp -d` makes, it cannot).
 */
export const CAN_DROP = IS_ROOT && spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'test', '-r', CLI]).status === 0;

/** The command to run `args` with node, as `nobody` when we are root and `unprivileged` is asked. */
function command(args: readonly string[], unprivileged: boolean): [string, string[]] {
  if (unprivileged && CAN_DROP) return ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...args]];
  return [process.execPath, [...args]];
}

/** Runs `ziping <args>` in `cwd`; returns its exit code and output. */
export function cli(args: readonly string[], cwd: string, opts: { unprivileged?: boolean; timeoutMs?: number } = {}): { code: number; stdout: string; stderr: string; raw: SpawnSyncReturns<Buffer> } {
  const [cmd, argv] = command([CLI, ...args], opts.unprivileged ?? false);
  const r = spawnSync(cmd, argv, { cwd, timeout: opts.timeoutMs ?? 240_000 });
  return { code: r.status ?? -1, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), raw: r };
}

/** Starts `ziping <args>` in `cwd` without waiting. */
export function cliAsync(args: readonly string[], cwd: string) {
  return spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** NDJSON events of a --json run. */
export function events(stdout: string): Array<Record<string, any>> {
  return stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}
