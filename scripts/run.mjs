// `npm start` and `npm run web`: run the app from a build of exactly these sources.
//
// Each part (the core and adapters, the preload, the renderer) is built once per content of its
// inputs, into dist/parts/<part>-<hash>; an instance runs from dist/run/<hashes>, a copy of its
// parts made before it starts. So a second start with nothing changed builds nothing, a change
// rebuilds only its part, and a build never writes into a folder an instance runs from.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
/** Where parts and runs are kept: `dist/`, or elsewhere for the benchmark and the test of this script. */
const DIST = process.env.RP_BUILD_DIR ? resolve(process.env.RP_BUILD_DIR) : join(ROOT, 'dist');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const PARTS = {
  node: {
    inputs: ['electron', 'common', 'assets', 'tsconfig.base.json', 'tsconfig.node.json', 'package-lock.json'],
    build: (out) => [npx, ['tsc', '-p', 'tsconfig.node.json', '--outDir', join(out, 'node')]],
  },
  preload: {
    inputs: ['electron/preload.ts', 'common', 'vite.preload.config.ts', 'package-lock.json'],
    build: (out) => [
      npx,
      [
        'vite',
        'build',
        '--config',
        'vite.preload.config.ts',
        '--logLevel',
        'warn',
        '--outDir',
        join(out, 'node', 'electron'),
      ],
    ],
  },
  renderer: {
    inputs: [
      'renderer',
      'common',
      'assets',
      'electron/core/csp.ts',
      'vite.config.ts',
      'tsconfig.base.json',
      'package-lock.json',
    ],
    build: (out) => [npx, ['vite', 'build', '--logLevel', 'warn', '--emptyOutDir', '--outDir', join(out, 'renderer')]],
  },
};

/** Every file under the inputs, with its content, in a stable order: the part's identity. */
function hashInputs(inputs) {
  const hash = createHash('sha256');
  const walk = (path) => {
    const abs = join(ROOT, path);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs).sort()) walk(join(path, name));
      return;
    }
    hash.update(`${relative(ROOT, abs)}\0`);
    hash.update(readFileSync(abs));
  };
  for (const input of inputs) walk(input);
  return hash.digest('hex').slice(0, 12);
}

/** A process alive now: its marker keeps its build folder from being pruned. */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** cmd.exe joins arguments with spaces: one with a space or a quote is quoted. */
const quoted = (args) =>
  process.platform === 'win32' ? args.map((a) => (/[\s"]/.test(a) ? `"${a.replace(/"/g, '\\"')}"` : a)) : args;

/**
 * Moves a finished temporary folder into place. Another start may have put the same build there
 * first (same content, same name): then this one's copy is dropped and that one is used.
 */
function settle(tmp, dir) {
  try {
    renameSync(tmp, dir);
  } catch (error) {
    if (!existsSync(dir)) throw error;
    rmSync(tmp, { recursive: true, force: true });
  }
  return dir;
}

/** Builds the part into a fresh folder and renames it into place: a half-written part is never used. */
function ensurePart(name, hash) {
  const dir = join(DIST, 'parts', `${name}-${hash}`);
  if (existsSync(dir)) return dir;
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const [cmd, args] = PARTS[name].build(tmp);
  console.log(`Building ${name}…`);
  const win = process.platform === 'win32';
  const r = spawnSync(cmd, quoted(args), { cwd: ROOT, stdio: 'inherit', shell: win });
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    console.error(`Building ${name} failed; nothing was replaced.`);
    process.exit(1);
  }
  return settle(tmp, dir);
}

/** The folder an instance runs from: its parts, copied once, and the package.json Electron reads. */
function ensureRun() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const { name, productName, version, description, type, author, license } = pkg;
  const manifest = JSON.stringify(
    { name, productName, version, description, type, author, license, main: 'node/electron/main.js' },
    null,
    2,
  );
  const hashes = Object.fromEntries(Object.entries(PARTS).map(([part, p]) => [part, hashInputs(p.inputs)]));
  const id = createHash('sha256').update(manifest).digest('hex').slice(0, 6);
  const dir = join(DIST, 'run', `${hashes.node}-${hashes.preload}-${hashes.renderer}-${id}`);
  if (existsSync(join(dir, 'package.json'))) {
    const now = new Date();
    utimesSync(dir, now, now);
    return dir;
  }
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  for (const [part, hash] of Object.entries(hashes)) {
    /* A part pruned by another start between its check and this copy is built again. */
    const from = ensurePart(part, hash);
    try {
      cpSync(from, tmp, { recursive: true });
    } catch {
      cpSync(ensurePart(part, hash), tmp, { recursive: true });
    }
  }
  writeFileSync(join(tmp, 'package.json'), manifest);
  return settle(tmp, dir);
}

/** The instances running from `dir` now (each leaves its pid there while it runs). */
function inUse(dir) {
  const marks = join(dir, '.instances');
  if (!existsSync(marks)) return false;
  return readdirSync(marks).some((pid) => alive(Number(pid)));
}

/**
 * Old builds go, except the newest few and any an instance runs from; temporary folders of starts
 * that died go too.
 */
function prune(keep) {
  for (const folder of ['run', 'parts']) {
    const base = join(DIST, folder);
    if (!existsSync(base)) continue;
    const names = readdirSync(base);
    for (const d of names.filter((n) => n.includes('.tmp-')))
      if (!alive(Number(d.split('.tmp-')[1]))) rmSync(join(base, d), { recursive: true, force: true });
    const dirs = names
      .filter((d) => !d.includes('.tmp-'))
      .map((d) => join(base, d))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
    for (const dir of dirs.slice(folder === 'run' ? 4 : 12))
      if (dir !== keep && !(folder === 'run' && inUse(dir))) rmSync(dir, { recursive: true, force: true });
  }
}

const [mode = 'web', ...args] = process.argv.slice(2);
if (mode !== 'web' && mode !== 'electron') {
  console.error('Usage: node scripts/run.mjs web|electron [options]');
  process.exit(2);
}
const dir = ensureRun();
/* This instance's mark, so no later start prunes the folder under it; gone when it exits. */
const mark = join(dir, '.instances', String(process.pid));
mkdirSync(join(dir, '.instances'), { recursive: true });
writeFileSync(mark, '');
prune(dir);
const [cmd, cmdArgs] =
  mode === 'web'
    ? [process.execPath, [join(dir, 'node', 'electron', 'web', 'cli.js'), ...args]]
    : [createRequire(import.meta.url)('electron'), [dir, ...args]];
const child = spawn(cmd, cmdArgs, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  rmSync(mark, { force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
