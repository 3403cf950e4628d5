/** How many workers a run starts, given --jobs, --max-memory and the machine. */
import { describe, expect, it } from 'vitest';
import { MEMORY_MODEL, planJobs, workersWithin } from '../../src/batch/plan.js';
import { parseMemoryMb } from '../../src/cli-args.js';

describe('planJobs', () => {
  const { mainMb, workerMb } = MEMORY_MODEL;

  it('takes one worker per core by default when memory allows', () => {
    expect(planJobs({}, 16, 128 * 1024)).toEqual({ jobs: 16 });
    expect(planJobs({ jobs: 3 }, 16, 1024)).toEqual({ jobs: 3 }); // asked for: not second-guessed
  });

  it('never takes more workers by default than half the memory holds', () => {
    const plan = planJobs({}, 64, 4096);
    expect(plan.jobs).toBe(Math.floor((2048 - mainMb) / workerMb));
    expect(plan.note).toMatch(/not one per core \(64\)/);
  });

  it('fits --jobs into --max-memory, and says so', () => {
    expect(planJobs({ jobs: 2, maxMemoryMb: 500 }, 16, 1e6)).toEqual({ jobs: 2 });
    const plan = planJobs({ jobs: 16, maxMemoryMb: 500 }, 16, 1e6);
    expect(plan.jobs).toBe(workersWithin(500));
    expect(mainMb + plan.jobs * workerMb).toBeLessThanOrEqual(500);
    expect(mainMb + (plan.jobs + 1) * workerMb).toBeGreaterThan(500);
    expect(plan.note).toMatch(/holds 2 worker\(s\).*not 16/);
    // Too small a budget still runs, with one worker, and says it may not hold.
    expect(planJobs({ maxMemoryMb: 100 }, 4, 1e6)).toMatchObject({ jobs: 1, note: expect.stringMatching(/even one may go over/) });
  });

  it('reads sizes in MiB', () => {
    expect(parseMemoryMb('500')).toBe(500);
    expect(parseMemoryMb('500MB')).toBe(500);
    expect(parseMemoryMb('1.5g')).toBe(1536);
    expect(() => parseMemoryMb('lots')).toThrow(/not a size/);
    expect(() => parseMemoryMb('0')).toThrow(/at least 1 MiB/);
  });
});
