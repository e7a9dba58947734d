import { describe, expect, it } from 'vitest';
import { decode, normaliseEncoding } from '../../src/plan/decode.js';
import { isInputError, parseDocumentBytes } from '../../src/plan/load.js';
import { inputErrorLine } from '../../src/report/text.js';
import { toGbk, toUtf16 } from './helpers.js';

const PLAN = 'county:\n  name: 桃溪县\n  note: “四个不摘”\n';
const gbk = toGbk;
const utf16 = (text: string, le: boolean) => toUtf16(text, le);

describe('encodings', () => {
  it('reads UTF-8 with and without a BOM to the same text', () => {
    const plain = decode(Buffer.from(PLAN));
    const bom = decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PLAN)]));
    expect(plain).toEqual({ ok: true, text: PLAN, encoding: 'utf-8', detected: false });
    expect(bom).toEqual(plain);
  });

  it.each([
    ['little', true, 'utf-16le'],
    ['big', false, 'utf-16be'],
  ])('reads UTF-16 %s-endian with a BOM', (_e, le, encoding) => {
    expect(decode(utf16(PLAN, le))).toEqual({ ok: true, text: PLAN, encoding, detected: false });
  });

  it('recognises GBK without a BOM as GB18030, and says it guessed', () => {
    expect(decode(gbk(PLAN))).toEqual({ ok: true, text: PLAN, encoding: 'gb18030', detected: true });
  });

  it('reads GBK when forced, without guessing', () => {
    expect(decode(gbk(PLAN), normaliseEncoding('GBK'))).toEqual({ ok: true, text: PLAN, encoding: 'gb18030', detected: false });
  });

  it('does not mistake a Latin-1 file for Chinese', () => {
    const latin1 = Buffer.from('name: Café Müller\nnote: déjà vu\n', 'latin1');
    const r = decode(latin1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.reason, r.line, r.column]).toEqual(['undecodable', 1, 10]);
  });

  it('refuses undecodable bytes with line, column and a hint to force GBK', () => {
    const bytes = Buffer.concat([Buffer.from('a: 1\nb: 桃'), Buffer.from([0xff]), Buffer.from('\n')]);
    const doc = parseDocumentBytes(bytes, 'plan.yaml');
    expect(isInputError(doc) && doc).toMatchObject({ code: 'undecodable', line: 2, column: 5, values: { offset: 11, encoding: 'UTF-8' } });
    if (!isInputError(doc)) return;
    expect(inputErrorLine(doc, 'en')).toBe('plan.yaml:2:5: error: byte 11 cannot be decoded as UTF-8 (force an encoding with --encoding)');
    expect(doc.excerpt?.text).toBe('b: 桃\ufffd');
  });

  it('refuses a file that is not GBK when GBK is forced, at the right byte', () => {
    const bytes = Buffer.concat([gbk('a: 桃溪\n'), Buffer.from([0x81, 0x20])]);
    const r = decode(bytes, 'gb18030');
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.reason, r.offset, r.line, r.column]).toEqual(['undecodable', 8, 2, 1]);
  });

  it('refuses binary files (NUL bytes) with the offset of the first NUL', () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]);
    const doc = parseDocumentBytes(bytes, 'logo.yaml');
    expect(isInputError(doc) && doc).toMatchObject({ code: 'binary', values: { offset: 8 } });
    if (isInputError(doc)) expect(inputErrorLine(doc, 'zh')).toMatch(/^logo\.yaml:3:1: 错误: 二进制文件（第 8 字节为 NUL），不是 YAML 文本$/);
  });

  it('says so when the NULs look like UTF-16 without a BOM', () => {
    const bytes = toUtf16('a: 1\nb: 2\n', true, false);
    const doc = parseDocumentBytes(bytes, 'plan.yaml');
    expect(isInputError(doc) && inputErrorLine(doc, 'en')).toMatch(/looks like UTF-16 without a BOM: pass --encoding utf-16le/);
  });
});
