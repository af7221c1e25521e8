/** `npm start` / `npm run web`'s launcher: parts built once per content, instances run from their own copy. */
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
/* Inside the repository, so the built core finds node_modules as it does from dist/. */
const DIR = join(ROOT, 'dist', `test-run-${process.pid}`);
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const start = () =>
  spawnSync(process.execPath, ['scripts/run.mjs', 'web', '--help'], {
    cwd: ROOT,
    env: { ...process.env, RP_BUILD_DIR: DIR },
    encoding: 'utf8',
  });

describe('scripts/run.mjs', () => {
  it('builds each part once; a second start with nothing changed builds nothing and runs the same copy', () => {
    const first = start();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Building node…[\s\S]*Building preload…[\s\S]*Building renderer…/);
    expect(first.stdout).toContain('Usage: npm run web');
    const parts = readdirSync(join(DIR, 'parts')).sort();
    expect(parts.map((p) => p.replace(/-[0-9a-f]{12}$/, ''))).toEqual(['node', 'preload', 'renderer']);
    const runs = readdirSync(join(DIR, 'run'));
    expect(runs).toEqual([
      expect.stringMatching(new RegExp(`^${parts.map((p) => p.slice(-12)).join('-')}-[0-9a-f]{6}$`)),
    ]);
    /* The instance marked the folder while it ran, and took its mark away when it ended. */
    expect(readdirSync(join(DIR, 'run', runs[0]!)).sort()).toEqual(['.instances', 'node', 'package.json', 'renderer']);
    expect(readdirSync(join(DIR, 'run', runs[0]!, '.instances'))).toEqual([]);

    const second = start();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).not.toContain('Building');
    expect(second.stdout).toContain('Usage: npm run web');
    expect(readdirSync(join(DIR, 'run'))).toEqual(runs);
  }, 180_000);
});
