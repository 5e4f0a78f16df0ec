// The cross-language test vector of the bound commitment (`node --test zombienet/lib/`): the
// same numbers as `primitives/src/commitment.rs` (`the_test_vector`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { u8aToHex } from '@polkadot/util';
import { bindCommitment, documentHash } from './commitment.mjs';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const SALT = new Uint8Array(32).fill(0x11);
const DOC = 'Treasurenet KYB test vector';

test('the bound commitment matches the Rust test vector', () => {
  assert.equal(u8aToHex(documentHash(DOC)), '0xa6f0e253a908603f34a0f2f17d027441820fb43f788a901d1727222123426848');
  assert.equal(u8aToHex(bindCommitment(SALT, ALICE, DOC)), '0x58d5e284e1c56f8b19c1f2b08ef5cdfe7941ea42493a089c49dc375f74c60b65');
  assert.equal(u8aToHex(bindCommitment(SALT, BOB, DOC)), '0x1f613eb23dd004e8dcfcac51a355d97195c92e1ddb0e0f2dbedd97ae127d2bd5');
});

test('a copied commitment does not bind the copier', () => {
  assert.notEqual(u8aToHex(bindCommitment(SALT, ALICE, DOC)), u8aToHex(bindCommitment(SALT, BOB, DOC)));
});
