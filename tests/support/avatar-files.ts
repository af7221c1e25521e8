/** A test model's files as the Avatar region takes them: a PMD with Japanese morphs and a `.shapemap` in Gene's format. */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { writePmd } from './model-files';

export const TEST_MORPHS = ['まばたき', '笑い', 'あ'];

/** `extra` more morphs and actions, for a model as large as a real one. */
export function testModelFiles(extra = 0): { name: string; mimeType: string; buffer: Buffer }[] {
  const morphs = [...TEST_MORPHS, ...Array.from({ length: extra }, (_, i) => `morph${i + 1}`)];
  /* From the repository's root, where every runner starts (jsdom's import.meta.url is no file URL). */
  let shapemap = readFileSync('tests/fixtures/test.pmd.shapemap', 'utf8');
  for (let i = 0; i < extra; i++) shapemap += `ACT${100 + i} motion/${100 + i}_extra${i}.vmd\r\n`;
  return [
    { name: 'Test.pmd', mimeType: 'application/octet-stream', buffer: Buffer.from(writePmd(morphs)) },
    { name: 'Test.pmd.shapemap', mimeType: 'text/plain', buffer: Buffer.from(shapemap, 'utf8') },
  ];
}

/** Gives the Avatar region the test model's files (the tab must be open). */
export async function loadTestModel(page: Page, extra = 0): Promise<void> {
  await page.getByLabel(/^(Model files|モデルファイル)$/).setInputFiles(testModelFiles(extra));
}
