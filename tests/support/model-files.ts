/**
 * Small MMD model files written for tests: a PMD and a PMX with a few vertices, a bone, an IK
 * chain and the morphs asked for. No third-party model goes in the repository.
 */

/** Shift_JIS bytes of the few characters the tests name morphs with (Node has no Shift_JIS encoder). */
const SJIS: Record<string, number[]> = {
  ま: [0x82, 0xdc],
  ば: [0x82, 0xce],
  た: [0x82, 0xbd],
  き: [0x82, 0xab],
  笑: [0x8f, 0xce],
  い: [0x82, 0xa2],
  あ: [0x82, 0xa0],
};

function sjis(text: string): number[] {
  return [...text].flatMap((c) => SJIS[c] ?? [c.charCodeAt(0) & 0x7f]);
}

class Writer {
  private readonly bytes: number[] = [];
  u8(n: number): this {
    this.bytes.push(n & 0xff);
    return this;
  }
  u16(n: number): this {
    return this.u8(n).u8(n >> 8);
  }
  u32(n: number): this {
    return this.u16(n & 0xffff).u16(n >>> 16);
  }
  f32(n: number): this {
    const b = Buffer.alloc(4);
    b.writeFloatLE(n);
    this.bytes.push(...b);
    return this;
  }
  raw(list: number[] | Uint8Array): this {
    this.bytes.push(...list);
    return this;
  }
  zeros(n: number): this {
    return this.raw(new Array<number>(n).fill(0));
  }
  /** A fixed-size field, NUL-padded (with garbage after the NUL, as real files have). */
  field(content: number[], size: number): this {
    const out = [...content.slice(0, size)];
    if (out.length < size) out.push(0);
    while (out.length < size) out.push(0xfd);
    return this.raw(out);
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

/** A PMD: two vertices, a triangle, a material, two bones, one IK chain of one link, then `base` and the morphs. */
export function writePmd(morphs: string[]): Uint8Array {
  const w = new Writer().raw([0x50, 0x6d, 0x64]).f32(1).field(sjis('test'), 20).field([], 256);
  w.u32(2).zeros(38 * 2);
  w.u32(3).zeros(6);
  w.u32(1).zeros(70);
  w.u16(2).zeros(39 * 2);
  w.u16(1).u16(0).u16(1).u8(1).u16(10).f32(1).u16(1);
  w.u16(morphs.length + 1);
  w.field(sjis('base'), 20)
    .u32(2)
    .u8(0)
    .zeros(16 * 2);
  for (const m of morphs) w.field(sjis(m), 20).u32(1).u8(1).zeros(16);
  return w.done();
}

/** A PMX 2.0 with `encoding` 0 (UTF-16LE) or 1 (UTF-8): vertices of each weight type, a material, an IK bone, then the morphs. */
export function writePmx(morphs: string[], encoding: 0 | 1 = 0): Uint8Array {
  const text = (s: string): number[] => {
    const b = encoding === 0 ? Buffer.from(s, 'utf16le') : Buffer.from(s, 'utf8');
    const len = Buffer.alloc(4);
    len.writeInt32LE(b.length);
    return [...len, ...b];
  };
  /* Index sizes: vertex 2, texture 1, material 1, bone 2, morph 1, rigid body 1; one extra UV. */
  const w = new Writer().raw([0x50, 0x4d, 0x58, 0x20]).f32(2).u8(8).raw([encoding, 1, 2, 1, 1, 2, 1, 1]);
  w.raw(text('model')).raw(text('model')).raw(text('')).raw(text(''));
  w.u32(4);
  w.zeros(32 + 16)
    .u8(0)
    .zeros(2)
    .f32(1);
  w.zeros(32 + 16)
    .u8(1)
    .zeros(4)
    .f32(1)
    .f32(1);
  w.zeros(32 + 16)
    .u8(2)
    .zeros(8 + 16)
    .f32(1);
  w.zeros(32 + 16)
    .u8(3)
    .zeros(4 + 4 + 36)
    .f32(1);
  w.u32(3).zeros(6);
  w.u32(1).raw(text('tex.png'));
  w.u32(1)
    .raw(text('mat'))
    .raw(text('mat'))
    .zeros(16 + 12 + 4 + 12 + 1 + 16 + 4)
    .u8(0)
    .u8(0)
    .u8(0)
    .u8(1)
    .u8(0);
  w.raw(text('memo')).u32(3);
  w.u32(2);
  w.raw(text('root')).raw(text('root')).zeros(12).u16(0xffff).u32(0).u16(0x0001).u16(1);
  w.raw(text('ik'))
    .raw(text('ik'))
    .zeros(12)
    .u16(0)
    .u32(0)
    .u16(0x0020 | 0x0400)
    .zeros(12)
    .zeros(12);
  w.u16(0).u32(10).f32(1).u32(1).u16(0).u8(1).zeros(24);
  w.u32(morphs.length);
  morphs.forEach((m, i) => {
    w.raw(text(m)).raw(text(m)).u8(1);
    if (i === 0) w.u8(0).u32(1).u8(1).f32(1);
    else w.u8(1).u32(1).u16(0).zeros(12);
  });
  return w.done();
}
