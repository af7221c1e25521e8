/**
 * The morph names of an MMD model (`.pmd` or `.pmx`), read by walking the file only as far as its
 * morph section. MMDAgent-EX never reports a model's morphs, so the operator's copy of the model
 * is where the face sliders come from. Pure: the renderer reads a dropped file with it.
 */
import type { ModelFileProblem } from './avatar.js';

export type MorphsResult = { ok: true; morphs: string[] } | { ok: false; problem: ModelFileProblem };

/** A model's morphs; the name tells PMD from PMX, the magic bytes must agree. */
export function readMorphs(name: string, bytes: Uint8Array): MorphsResult {
  const reader = new Reader(bytes);
  try {
    const morphs = name.toLowerCase().endsWith('.pmx') ? pmxMorphs(reader) : pmdMorphs(reader);
    return { ok: true, morphs };
  } catch (error) {
    const code = error instanceof FormatError ? error.code : 'truncated';
    return { ok: false, problem: { code, name } };
  }
}

class FormatError extends Error {
  constructor(readonly code: 'not-pmd' | 'not-pmx' | 'truncated') {
    super(code);
  }
}

/** Little-endian reads that throw a FormatError past the end instead of returning garbage. */
class Reader {
  private readonly view: DataView;
  pos = 0;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private need(n: number): number {
    if (n < 0 || this.pos + n > this.bytes.length) throw new FormatError('truncated');
    const at = this.pos;
    this.pos += n;
    return at;
  }
  skip(n: number): void {
    this.need(n);
  }
  u8(): number {
    return this.view.getUint8(this.need(1));
  }
  u16(): number {
    return this.view.getUint16(this.need(2), true);
  }
  i32(): number {
    return this.view.getInt32(this.need(4), true);
  }
  u32(): number {
    return this.view.getUint32(this.need(4), true);
  }
  /** A count that must be sane for the bytes left (each item is at least `minSize` bytes). */
  count(value: number, minSize: number): number {
    if (value < 0 || value * minSize > this.bytes.length - this.pos) throw new FormatError('truncated');
    return value;
  }
  take(n: number): Uint8Array {
    const at = this.need(n);
    return this.bytes.subarray(at, at + n);
  }
}

const SHIFT_JIS = new TextDecoder('shift_jis');
const UTF16 = new TextDecoder('utf-16le');
const UTF8 = new TextDecoder('utf-8');

/** A fixed-size Shift_JIS field: the name ends at its first NUL (what follows is padding or garbage). */
function sjis(field: Uint8Array): string {
  const end = field.indexOf(0);
  return SHIFT_JIS.decode(end < 0 ? field : field.subarray(0, end)).trim();
}

function pmdMorphs(r: Reader): string[] {
  const magic = r.take(3);
  if (magic[0] !== 0x50 || magic[1] !== 0x6d || magic[2] !== 0x64) throw new FormatError('not-pmd');
  r.skip(4 + 20 + 256);
  r.skip(r.count(r.u32(), 38) * 38);
  r.skip(r.count(r.u32(), 2) * 2);
  r.skip(r.count(r.u32(), 70) * 70);
  r.skip(r.count(r.u16(), 39) * 39);
  const iks = r.count(r.u16(), 11);
  for (let i = 0; i < iks; i++) {
    r.skip(4);
    const chain = r.u8();
    r.skip(6 + chain * 2);
  }
  const morphs = r.count(r.u16(), 25);
  const names: string[] = [];
  for (let i = 0; i < morphs; i++) {
    const name = sjis(r.take(20));
    const vertices = r.count(r.u32(), 16);
    const type = r.u8();
    r.skip(vertices * 16);
    /* Type 0 is "base", the rest pose every other morph is relative to: not a face of its own. */
    if (type !== 0 && name !== '') names.push(name);
  }
  return unique(names);
}

function pmxMorphs(r: Reader): string[] {
  const magic = r.take(4);
  if (magic[0] !== 0x50 || magic[1] !== 0x4d || magic[2] !== 0x58 || magic[3] !== 0x20)
    throw new FormatError('not-pmx');
  r.skip(4);
  const globals = r.u8();
  if (globals < 8) throw new FormatError('not-pmx');
  const g = r.take(globals);
  const [encoding, extraUv, vertexSize, textureSize, materialSize, boneSize, morphSize, rigidSize] = [
    ...g.subarray(0, 8),
  ];
  const decoder = encoding === 0 ? UTF16 : UTF8;
  const text = (): string => decoder.decode(r.take(r.count(r.i32(), 1)));
  const skipText = (): void => r.skip(r.count(r.i32(), 1));
  for (let i = 0; i < 4; i++) skipText();

  const vertices = r.count(r.i32(), 1);
  for (let i = 0; i < vertices; i++) {
    r.skip(32 + 16 * extraUv!);
    const weight = r.u8();
    const bdef = [boneSize!, 2 * boneSize! + 4, 4 * boneSize! + 16, 2 * boneSize! + 4 + 36, 4 * boneSize! + 16];
    if (weight >= bdef.length) throw new FormatError('not-pmx');
    r.skip(bdef[weight]! + 4);
  }
  r.skip(r.count(r.i32(), vertexSize!) * vertexSize!);
  const textures = r.count(r.i32(), 4);
  for (let i = 0; i < textures; i++) skipText();
  const materials = r.count(r.i32(), 1);
  for (let i = 0; i < materials; i++) {
    skipText();
    skipText();
    r.skip(16 + 12 + 4 + 12 + 1 + 16 + 4 + 2 * textureSize! + 1);
    const sharedToon = r.u8();
    r.skip(sharedToon === 0 ? textureSize! : 1);
    skipText();
    r.skip(4);
  }
  const bones = r.count(r.i32(), 1);
  for (let i = 0; i < bones; i++) {
    skipText();
    skipText();
    r.skip(12 + boneSize! + 4);
    const flags = r.u16();
    r.skip(flags & 0x0001 ? boneSize! : 12);
    if (flags & 0x0300) r.skip(boneSize! + 4);
    if (flags & 0x0400) r.skip(12);
    if (flags & 0x0800) r.skip(24);
    if (flags & 0x2000) r.skip(4);
    if (flags & 0x0020) {
      r.skip(boneSize! + 8);
      const links = r.count(r.i32(), boneSize! + 1);
      for (let k = 0; k < links; k++) {
        r.skip(boneSize!);
        if (r.u8() === 1) r.skip(24);
      }
    }
  }
  /* Offset sizes per morph type: group, vertex, bone, UV, extra UV 1-4, material, flip, impulse. */
  const offset = [
    morphSize! + 4,
    vertexSize! + 12,
    boneSize! + 28,
    ...Array<number>(5).fill(vertexSize! + 16),
    materialSize! + 113,
    morphSize! + 4,
    rigidSize! + 25,
  ];
  const morphs = r.count(r.i32(), 1);
  const names: string[] = [];
  for (let i = 0; i < morphs; i++) {
    const name = text().trim();
    skipText();
    r.skip(1);
    const type = r.u8();
    if (type >= offset.length) throw new FormatError('not-pmx');
    r.skip(r.count(r.i32(), offset[type]!) * offset[type]!);
    if (name !== '') names.push(name);
  }
  return unique(names);
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
