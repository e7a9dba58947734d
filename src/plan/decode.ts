/**
 * Bytes to text. Plans arrive as UTF-8 (with or without BOM), sometimes UTF-16 with a BOM,
 * and often GBK/GB18030 from office software, which carries no BOM and must be recognised.
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export const ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'];

export type Decoded =
  | { ok: true; text: string; encoding: Encoding; detected: boolean }
  | { ok: false; reason: 'binary' | 'undecodable'; offset: number; encoding?: Encoding };

export function normaliseEncoding(name: string): Encoding | undefined {
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const aliases: Record<string, Encoding> = {
    utf8: 'utf-8',
    utf16le: 'utf-16le',
    utf16be: 'utf-16be',
    gbk: 'gb18030',
    gb2312: 'gb18030',
    gb18030: 'gb18030',
    cp936: 'gb18030',
  };
  return aliases[n];
}

function strictDecode(bytes: Uint8Array, encoding: Encoding): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function decode(bytes: Uint8Array, forced?: Encoding): Decoded {
  if (forced) {
    const text = strictDecode(bytes, forced);
    return text === undefined
      ? { ok: false, reason: 'undecodable', offset: 0, encoding: forced }
      : { ok: true, text: stripBom(text), encoding: forced, detected: false };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return fromBom(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return fromBom(bytes, 'utf-16be');
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, reason: 'binary', offset: nul };
  const utf8 = strictDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return { ok: true, text: stripBom(utf8), encoding: 'utf-8', detected: false };
  const gb = strictDecode(bytes, 'gb18030');
  if (gb !== undefined) return { ok: true, text: gb, encoding: 'gb18030', detected: true };
  return { ok: false, reason: 'undecodable', offset: firstInvalidUtf8(bytes) };
}

function fromBom(bytes: Uint8Array, encoding: Encoding): Decoded {
  const text = strictDecode(bytes, encoding);
  return text === undefined
    ? { ok: false, reason: 'undecodable', offset: 0, encoding }
    : { ok: true, text: stripBom(text), encoding, detected: true };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return i;
}
