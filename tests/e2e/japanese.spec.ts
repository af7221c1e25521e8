/**
 * What the core reports reaches a Japanese UI in Japanese: a taken port, a send with no agent,
 * a periodic message the core refuses, and a dialogue-server link that is down.
 */
import { writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FakeAgent } from '../support/fake-agent';
import { startWebPanel, type WebPanel } from '../support/web-panel';

let web: WebPanel | null = null;
let blocker: Server | null = null;
const agents: FakeAgent[] = [];

test.afterEach(async () => {
  for (const a of agents.splice(0)) a.quit();
  await web?.stop();
  web = null;
  await new Promise((r) => (blocker ? blocker.close(r) : r(undefined)));
  blocker = null;
});

/** A data folder whose settings say Japanese, as a returning Japanese user's would. */
function japaneseDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rp-ja-'));
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ language: 'ja' }));
  return dir;
}

/** A port on 127.0.0.1 that another program holds, and one that nothing listens on. */
async function takenPort(): Promise<number> {
  blocker = createServer();
  await new Promise<void>((r) => blocker!.listen(0, '127.0.0.1', () => r()));
  return (blocker.address() as { port: number }).port;
}

test('a taken port, a send with no agent and a refused periodic message read in Japanese', async ({
  page,
}, testInfo) => {
  const port = await takenPort();
  web = await startWebPanel(['--ws-port', String(port)], japaneseDataDir());
  await page.goto(web.uiUrl);
  const banner = page.getByRole('alert').filter({ hasText: 'パネルは待ち受けていません' });
  await expect(banner).toContainText(`127.0.0.1 のポート ${port} は他のプログラムが使っています`);
  await expect(banner).not.toContainText(/already in use|Choose another/);
  await page.screenshot({ path: testInfo.outputPath('port-taken-ja.png') });
  /* The offered port works, and the banner goes. */
  await banner.getByRole('button', { name: /^ポート \d+ を使う$/ }).click();
  await expect(banner).toBeHidden();

  const message = page.getByRole('textbox', { name: 'メッセージ' });
  await message.fill('MOTION_ADD|0|wave|motion/wave.vmd');
  await message.press('Enter');
  await expect(
    page.getByRole('alert').filter({ hasText: 'MMDAgent-EX が接続していないため、何も送っていません。' }),
  ).toBeVisible();
  await expect(message).toHaveValue('MOTION_ADD|0|wave|motion/wave.vmd');

  await page.getByRole('textbox', { name: '繰り返し送る内容' }).fill('SNDFILE');
  await page.getByRole('button', { name: '開始', exact: true }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'テキストのメッセージは "SND" で始められません。' }),
  ).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('refusals-ja.png') });
});

test('a dialogue-server link that is down reads in Japanese, reason included', async ({ page }) => {
  const closed = await takenPort();
  await new Promise((r) => blocker!.close(r));
  blocker = null;
  web = await startWebPanel(['--upstream', `ws://127.0.0.1:${closed}/chat`], japaneseDataDir());
  agents.push(await FakeAgent.connect(web.agentUrl, { frameMs: 100 }));
  await page.goto(web.uiUrl);
  const upstream = page.getByRole('status', { name: '上流' });
  await expect(upstream).toHaveText(/^切断（connect ECONNREFUSED [0-9.:]+） · 再試行 \d+ 回 · 次は \d+ 秒後$/, {
    timeout: 10_000,
  });
  await expect(page.getByRole('log', { name: 'メッセージログ' })).toContainText(
    `対話サーバ ws://127.0.0.1:${closed}/chat にまだ接続できません`,
  );
});
