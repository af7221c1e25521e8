/** `npm run bench`: prints numbers; it never fails a build on timing (machines are noisy). */
import { cpus } from 'node:os';
import { benchLogRelay } from './log-relay.js';

const only = process.argv.slice(2);
const want = (name: string): boolean => only.length === 0 || only.includes(name);

console.log(`Remote Panel benchmarks — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);
if (want('log')) await benchLogRelay();
process.exit(0);
