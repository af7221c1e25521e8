/**
 * `npm run bench -- profile`: where a 50,000-message burst spends its time. The web process runs
 * under `node --cpu-prof`, the page under the DevTools CPU profiler, for the burst alone; each
 * profile is written to a folder and summarized as the functions with the most self time.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { Agent } from './agent.js';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.js';
import { watchRowPainted } from './row-painted.js';
import { fmt, table } from './stats.js';
import { startWebProcess } from './web-process.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (name and place), largest first, as a share of the profile's samples. */
export function topSelf(profile: CpuProfile, n = 12): [string, string, string?][] {
  const byNode = new Map<number, number>();
  profile.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = byNode.get(node.id) ?? 0;
    total += us;
    const f = node.callFrame;
    const file = f.url.split('/').pop() ?? '';
    const key = `${f.functionName || '(anonymous)'} ${file ? `${file}:${f.lineNumber + 1}` : ''}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  return [...byFunction.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, us]) => [name, `${fmt(us / 1000, 0)} ms`, `${fmt((100 * us) / total, 1)} %`]);
}

export async function profileBurst(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rp-profile-'));
  const web = await startWebProcess([], ['--cpu-prof', '--cpu-prof-dir', dir]);
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(web.uiUrl + '&bench=1');
  await page.waitForFunction(() => '__rpStore' in window);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const burst = 50_000;
  const painted = await watchRowPainted(page, `BURST|${burst - 1}`);
  const agent = await Agent.connect(web.agentUrl);
  await cdp.send('Profiler.start');
  const { start } = await agent.run({ cmd: 'rawburst', prefix: 'BURST', count: burst });
  const ms = (await painted()) - start!;
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  writeFileSync(join(dir, 'page.cpuprofile'), JSON.stringify(profile));
  await agent.close();
  await browser.close();
  await web.stop();
  await new Promise((r) => setTimeout(r, 500));
  const coreFile = readdirSync(dir).find((f) => f.endsWith('.cpuprofile') && f !== 'page.cpuprofile');
  console.log(
    `\nProfile of a ${burst.toLocaleString()}-message burst (last row visible after ${fmt(ms, 0)} ms); profiles in ${dir}`,
  );
  if (coreFile) {
    console.log('\nThe web process (whole run, self time):');
    console.log(table(topSelf(JSON.parse(readFileSync(join(dir, coreFile), 'utf8')) as CpuProfile)));
  } else console.log('  (the web process wrote no profile)');
  console.log('\nThe page, during the burst (self time):');
  console.log(table(topSelf(profile)));
}
