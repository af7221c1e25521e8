// Renders assets/icon.svg to build/icon.png (1024 px) with Chromium: `node scripts/make-icon.mjs`.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright';

const svg = readFileSync('assets/icon.svg', 'utf8');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
await page.setContent(
  `<html><body style="margin:0;background:transparent">${svg.replace('width="512" height="512"', 'width="1024" height="1024"')}</body></html>`,
);
await page.locator('svg').screenshot({ path: 'build/icon.png', omitBackground: true });
await browser.close();
console.log('build/icon.png written');
