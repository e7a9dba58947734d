/**
 * Bytes to text. Plans arrive as UTF-8 (with or without BOM), sometimes UTF-16 with a BOM,
 * and often GBK/GB18030 from office software, which carries no BOM and must be recognised.
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export const ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'];

export type Decoded =
  | { ok: true; text: string; encoding: Encoding; detected: boolean }
  | {
      ok: false;
      reason: 'binary' | 'undecodable';
      /** Byte offset of the first offending byte. */
      offset: number;
      /** 1-based line and column (in characters) of that byte, for the error line and excerpt. */
      line: number;
      column: number;
      encoding: Encoding;
      /** A hint worth giving: the bytes look like UTF-16 without a BOM, or like GBK. */
      hint?: 'utf-16' | 'gb18030';
    };

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
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function decode(bytes: Uint8Array, forced?: Encoding): Decoded {
  if (forced) {
    const text = strictDecode(bytes, forced);
    if (text === undefined) return failure(bytes, 'undecodable', firstUndecodable(bytes, forced), forced);
    if (forced.startsWith('utf-8') || forced === 'gb18030') {
      const nul = text.indexOf('\0');
      if (nul >= 0) return failure(bytes, 'binary', bytes.indexOf(0), forced);
    }
    return { ok: true, text: stripBom(text), encoding: forced, detected: false };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return fromBom(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return fromBom(bytes, 'utf-16be');
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ...failure(bytes, 'binary', nul, 'utf-8'), ...(looksUtf16(bytes) ? { hint: 'utf-16' as const } : {}) };
  const utf8 = strictDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return { ok: true, text: stripBom(utf8), encoding: 'utf-8', detected: false };
  const gb = strictDecode(bytes, 'gb18030');
  if (gb !== undefined && looksChinese(gb) && mostlyCommonGbk(bytes)) return { ok: true, text: gb, encoding: 'gb18030', detected: true };
  return { ...failure(bytes, 'undecodable', firstInvalidUtf8(bytes), 'utf-8'), ...(gb !== undefined ? { hint: 'gb18030' as const } : {}) };
}

function fromBom(bytes: Uint8Array, encoding: Encoding): Decoded {
  const text = strictDecode(bytes, encoding);
  if (text === undefined) return failure(bytes, 'undecodable', firstUndecodable(bytes, encoding), encoding);
  const nul = text.indexOf('\0');
  if (nul >= 0) return failure(bytes, 'binary', 2 * nul, encoding);
  return { ok: true, text: stripBom(text), encoding, detected: false };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function failure(bytes: Uint8Array, reason: 'binary' | 'undecodable', offset: number, encoding: Encoding): Decoded {
  return { ok: false, reason, offset, encoding, ...positionOf(bytes, offset, encoding) };
}

/** Line and column of a byte offset, counting what decodes before it on its line. */
export function positionOf(bytes: Uint8Array, offset: number, encoding: Encoding): { line: number; column: number } {
  const before = new TextDecoder(encoding, { fatal: false }).decode(bytes.subarray(0, offset));
  const lines = before.split('\n');
  const last = lines[lines.length - 1]!.replace(/^\ufeff/, '');
  // A trailing replacement character is the start of the offending sequence itself.
  return { line: lines.length, column: last.replace(/\ufffd$/, '').length + 1 };
}

/**
 * GB18030 maps almost any byte sequence to some character, so a Latin-1 or Windows-1252 file
 * would "decode" to nonsense. Accept the guess only when the non-ASCII text is mostly Chinese.
 */
function looksChinese(text: string): boolean {
  let other = 0;
  let han = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2010 && c <= 0x2027) || c === 0xb7) han++;
    else other++;
  }
  return han > 0 && other * 10 <= han;
}

/**
 * Office software writes common characters, nearly all in GB2312's two-byte block (both bytes
 * 0xA1–0xFE). An accented Latin letter followed by ASCII (`é}`) also forms a GBK pair, but one
 * outside that block: such pairs must be rare.
 */
function mostlyCommonGbk(bytes: Uint8Array): boolean {
  let common = 0;
  let rare = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const t = bytes[i + 1] ?? 0;
    if (t >= 0x30 && t <= 0x39) {
      rare++;
      i += 4;
      continue;
    }
    if (b >= 0xa1 && t >= 0xa1) common++;
    else rare++;
    i += 2;
  }
  return rare * 10 <= common;
}

/** UTF-16 without a BOM: most ASCII characters leave a NUL in every other byte. */
function looksUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  return n >= 4 && Math.max(even, odd) >= (n / 2) * 0.3 && Math.min(even, odd) === 0;
}

/** Byte offset where a strict decoder first fails: chunked, then halved within the failing chunk. */
function firstUndecodable(bytes: Uint8Array, encoding: Encoding): number {
  if (encoding === 'utf-8') return firstInvalidUtf8(bytes);
  const ok = (end: number) => {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  if (ok(hi)) return hi; // only the very end is incomplete
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  // `lo` may end inside the offending sequence (a lead byte waiting for its trail): back up to it.
  const complete = (end: number) => strictDecode(bytes.subarray(0, end), encoding) !== undefined;
  let start = lo;
  while (start > 0 && lo - start < 4 && !complete(start)) start--;
  return start;
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    if (len === 3 && ((b === 0xe0 && bytes[i + 1]! < 0xa0) || (b === 0xed && bytes[i + 1]! >= 0xa0))) return i;
    if (len === 4 && ((b === 0xf0 && bytes[i + 1]! < 0x90) || (b === 0xf4 && bytes[i + 1]! >= 0x90))) return i;
    i += len;
  }
  return i;
}
