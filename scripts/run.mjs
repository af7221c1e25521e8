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

/** Builds the part into a fresh folder and renames it into place: a half-written part is never used. */
function ensurePart(name, hash) {
  const dir = join(DIST, 'parts', `${name}-${hash}`);
  if (existsSync(dir)) return dir;
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const [cmd, args] = PARTS[name].build(tmp);
  console.log(`Building ${name}…`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    console.error(`Building ${name} failed; nothing was replaced.`);
    process.exit(1);
  }
  renameSync(tmp, dir);
  return dir;
}

/** The folder an instance runs from: its parts, copied once, and the package.json Electron reads. */
function ensureRun() {
  const hashes = Object.fromEntries(Object.entries(PARTS).map(([name, part]) => [name, hashInputs(part.inputs)]));
  const dir = join(DIST, 'run', `${hashes.node}-${hashes.preload}-${hashes.renderer}`);
  if (existsSync(join(dir, 'package.json'))) return dir;
  const parts = Object.entries(hashes).map(([name, hash]) => ensurePart(name, hash));
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  for (const part of parts) cpSync(part, tmp, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const { name, productName, version, description, type, author, license } = pkg;
  const main = 'node/electron/main.js';
  writeFileSync(
    join(tmp, 'package.json'),
    JSON.stringify({ name, productName, version, description, type, author, license, main }, null, 2),
  );
  renameSync(tmp, dir);
  prune(dir);
  return dir;
}

/** Old builds go, except the newest few: an instance started from one keeps it while it runs. */
function prune(keep) {
  for (const folder of ['run', 'parts']) {
    const base = join(DIST, folder);
    const dirs = readdirSync(base)
      .filter((d) => !d.includes('.tmp-'))
      .map((d) => join(base, d))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
    for (const dir of dirs.slice(folder === 'run' ? 4 : 12))
      if (dir !== keep) rmSync(dir, { recursive: true, force: true });
  }
}

const [mode = 'web', ...args] = process.argv.slice(2);
if (mode !== 'web' && mode !== 'electron') {
  console.error('Usage: node scripts/run.mjs web|electron [options]');
  process.exit(2);
}
const dir = ensureRun();
const [cmd, cmdArgs] =
  mode === 'web'
    ? [process.execPath, [join(dir, 'node', 'electron', 'web', 'cli.js'), ...args]]
    : [createRequire(import.meta.url)('electron'), [dir, ...args]];
const child = spawn(cmd, cmdArgs, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
