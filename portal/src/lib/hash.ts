// Commitments computed in the browser. Documents never leave it: only their hashes go on chain.
import { AccountId, Blake2256 } from '@polkadot-api/substrate-bindings';
import { bytes, toHex } from './format';

/** 32 random bytes from the browser's CSPRNG. */
export function newSalt(): Uint8Array {
  const s = new Uint8Array(32);
  crypto.getRandomValues(s);
  return s;
}

/**
 * A document commitment bound to the submitting account (issue 25, M5), as hex:
 * commitment = blake2b-256(salt ‖ account's 32 bytes ‖ blake2b-256(document bytes)).
 * The verifier recomputes it with the applicant's account: a commitment copied from another
 * account's application does not match. Same formula as `tn_primitives::commitment::bind` and
 * `zombienet/lib/commitment.mjs`; test vector (salt 32 × 0x11, //Alice, document
 * "Treasurenet KYB test vector"): 0x58d5e284e1c56f8b19c1f2b08ef5cdfe7941ea42493a089c49dc375f74c60b65.
 */
export function documentCommitment(salt: Uint8Array, account: string, doc: Uint8Array): `0x${string}` {
  const who = AccountId().enc(account);
  const docHash = Blake2256(doc);
  const buf = new Uint8Array(salt.length + who.length + docHash.length);
  buf.set(salt, 0);
  buf.set(who, salt.length);
  buf.set(docHash, salt.length + who.length);
  return toHex(Blake2256(buf)) as `0x${string}`;
}

/**
 * A well's identifier commitment: blake2-256 of the 16-character Petrinex identifier text
 * (unsalted: the oracle matches official rows by hashing them; see zombienet/lib/plan.mjs).
 */
export const wellCommitment = (id: string) => toHex(Blake2256(bytes(id))) as `0x${string}`;

/** Petrinex well identifier (FromToIDIdentifier of a WI row), e.g. 100071901015W400. */
export const PETRINEX_WELL_ID = /^1[0-9A-Z]{2}\d{2}\d{2}\d{3}\d{2}W\d[0-9A-Z]{2}$/;
/** Regulator operator code (Alberta: Petrinex OperatorBAID, e.g. 0045). */
export const OPERATOR_CODE = /^[0-9A-Z]{1,16}$/;
/** Petrinex ReportingFacilityID, e.g. ABBT0147937. */
export const FACILITY_ID = /^[0-9A-Z]{1,20}$/;

export async function fileBytes(f: File): Promise<Uint8Array> {
  return new Uint8Array(await f.arrayBuffer());
}
