// Document commitments bound to the submitting account (issue 25, M5): the same formula as
// `tn_primitives::commitment::bind` (Rust) and `portal/src/lib/hash.ts`:
//   commitment = blake2b-256(salt ‖ account's 32 bytes ‖ blake2b-256(document bytes)).
// The verifier recomputes it with the applicant's account; a copied commitment does not match.
import { blake2AsU8a, decodeAddress } from '@polkadot/util-crypto';
import { u8aConcat } from '@polkadot/util';

/** blake2b-256 of the document's bytes (a string is UTF-8 encoded). */
export const documentHash = (doc) => blake2AsU8a(doc, 256);

/** The commitment `account` (ss58 address or 32 bytes) submits for `doc` with the 32-byte `salt`. */
export function bindCommitment(salt, account, doc) {
  const who = typeof account === 'string' ? decodeAddress(account) : account;
  if (salt.length !== 32 || who.length !== 32) throw new Error('salt and account are 32 bytes');
  return blake2AsU8a(u8aConcat(salt, who, documentHash(doc)), 256);
}
