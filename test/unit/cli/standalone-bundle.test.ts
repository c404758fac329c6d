/** @jest-environment node */
import { execFileSync, spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

const ROOT = path.join(__dirname, '../../..');
const BUNDLE = path.join(ROOT, 'dist-cli/install-troubleshooting-report.js');

/**
 * `npm run build-cli` must give one file that runs with plain Node, away from this repository
 * and its node_modules: what an operator copies next to kubectl when the UI is down.
 */
describe('the self-contained report CLI', () => {
  let dir = '';

  beforeAll(() => {
    execFileSync('npm', ['run', '--silent', 'build-cli'], { cwd: ROOT, stdio: 'pipe' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-cli-'));
    fs.copyFileSync(BUNDLE, path.join(dir, 'report.js'));
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/seed-scenario.json'), path.join(dir, 'objects.json'));
  }, 60000);

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const env = { PATH: process.env.PATH || '', HOME: dir };

  it('runs alone and prints the report', () => {
    const r = spawnSync(process.execPath, ['report.js', 'objects.json', '--format', 'json', '--now', '2025-09-24T10:00:00Z'], {
      cwd: dir, env, encoding: 'utf8'
    });

    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).verdict).toMatchObject({ health: 'warning', phase: 'degraded' });
  });

  it('exits 2 with one line and no stack trace on bad input', () => {
    const r = spawnSync(process.execPath, ['report.js', '-'], {
      cwd: dir, env, input: '{"kind": "List", "items": [', encoding: 'utf8'
    });

    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('imports nothing but Node built-ins', () => {
    const requires = [...fs.readFileSync(BUNDLE, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);

    expect(requires.filter((m) => !m.startsWith('node:') && !['fs', 'path', 'os', 'util', 'events', 'stream', 'tty'].includes(m))).toEqual([]);
  });
});
