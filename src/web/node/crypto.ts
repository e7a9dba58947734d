/**
 * `node:crypto` in the browser page's bundle (scripts/build-web.mjs): only what the engine calls
 * — `createHash('sha256').update(text).digest('hex')` for fingerprints — so that a gap found in
 * the page has the fingerprint `check` gives it. Text is hashed as UTF-8, as Node does.
 */
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

interface Hash {
  update(data: string | Uint8Array): Hash;
  digest(encoding: 'hex'): string;
}

export function createHash(algorithm: string): Hash {
  if (algorithm !== 'sha256') throw new Error(`createHash(${algorithm}): the browser page has sha256 only`);
  const state = sha256.create();
  const hash: Hash = {
    update(data) {
      state.update(typeof data === 'string' ? utf8ToBytes(data) : data);
      return hash;
    },
    digest(encoding) {
      if (encoding !== 'hex') throw new Error(`digest(${String(encoding)}): the browser page has hex only`);
      return bytesToHex(state.digest());
    },
  };
  return hash;
}
