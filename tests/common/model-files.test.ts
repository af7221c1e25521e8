import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMorphs } from '../../common/model-morphs';
import { readShapeMap } from '../../common/shapemap';
import { writePmd, writePmx } from '../support/model-files';

const MORPHS = ['まばたき', '笑い', 'あ'];

describe('model morphs', () => {
  it('reads the Shift_JIS morph names of a PMD, without its base', () => {
    expect(readMorphs('Test.pmd', writePmd(MORPHS))).toEqual({ ok: true, morphs: MORPHS });
  });

  it('reads the morph names of a PMX in UTF-16LE and in UTF-8', () => {
    expect(readMorphs('Test.pmx', writePmx(MORPHS, 0))).toEqual({ ok: true, morphs: MORPHS });
    expect(readMorphs('test.PMX', writePmx(['wink', 'ウィンク右', 'smile'], 1))).toEqual({
      ok: true,
      morphs: ['wink', 'ウィンク右', 'smile'],
    });
  });

  it('refuses a file that is not the model it is named as, and one cut short, by code', () => {
    expect(readMorphs('Test.pmd', writePmx(MORPHS))).toEqual({
      ok: false,
      problem: { code: 'not-pmd', name: 'Test.pmd' },
    });
    expect(readMorphs('Test.pmx', writePmd(MORPHS))).toEqual({
      ok: false,
      problem: { code: 'not-pmx', name: 'Test.pmx' },
    });
    const pmd = writePmd(MORPHS);
    expect(readMorphs('Cut.pmd', pmd.subarray(0, pmd.length - 10))).toMatchObject({
      ok: false,
      problem: { code: 'truncated' },
    });
    const pmx = writePmx(MORPHS);
    expect(readMorphs('Cut.pmx', pmx.subarray(0, 200))).toMatchObject({ ok: false, problem: { code: 'truncated' } });
    expect(readMorphs('Empty.pmd', new Uint8Array())).toMatchObject({ ok: false, problem: { code: 'truncated' } });
  });

  it('never trusts a count larger than the file', () => {
    const pmd = writePmd(MORPHS);
    const view = new DataView(pmd.buffer);
    view.setUint32(283, 0x7fffffff, true);
    expect(readMorphs('Huge.pmd', pmd)).toMatchObject({ ok: false, problem: { code: 'truncated' } });
  });
});

describe('.shapemap', () => {
  const fixture = readFileSync(new URL('../fixtures/test.pmd.shapemap', import.meta.url));

  it('reads actions, avatar morphs and lip morphs from a file in Gene’s format (BOM, CRLF, Japanese comments)', () => {
    const r = readShapeMap('test.pmd.shapemap', fixture);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    /* The first of a repeated ACTn wins, as in MMDAgent-EX; a key without a value is skipped. */
    expect(r.shapemap.actions).toEqual([
      { n: 0, file: 'motion/00_normal.vmd' },
      { n: 2, file: 'motion/02_laugh.vmd' },
      { n: 16, file: 'motion/16_thinking.vmd' },
    ]);
    expect(r.shapemap.exmorphs).toEqual([
      { name: 'wink', morph: 'ウィンク' },
      { name: 'smile', morph: '笑い' },
    ]);
    expect(r.shapemap.lips).toEqual({ LIP_A: 'あ', LIP_I: 'い' });
  });

  it('refuses a binary file and a text file that has no shapemap keys', () => {
    expect(readShapeMap('x.shapemap', writePmd(MORPHS))).toEqual({
      ok: false,
      problem: { code: 'not-shapemap', name: 'x.shapemap' },
    });
    expect(readShapeMap('notes.shapemap', new TextEncoder().encode('Hello there\nSecond line\n'))).toMatchObject({
      ok: false,
      problem: { code: 'not-shapemap' },
    });
    expect(readShapeMap('sjis.shapemap', Uint8Array.from([0x41, 0x43, 0x54, 0x30, 0x20, 0x82, 0xa0]))).toMatchObject({
      ok: false,
    });
  });
});
