// Signing accounts: the browser extensions users already have (Polkadot.js extension, Talisman,
// SubWallet — anything that injects into window.injectedWeb3) and, on development and local
// chains only, the well-known dev accounts derived from the public dev phrase.
import type { PolkadotSigner } from 'polkadot-api';
import { getPolkadotSigner } from 'polkadot-api/signer';
import { connectInjectedExtension, getInjectedExtensions } from 'polkadot-api/pjs-signer';
import { sr25519CreateDerive } from '@polkadot-labs/hdkd';
import { DEV_PHRASE, entropyToMiniSecret, mnemonicToEntropy, ss58Address } from '@polkadot-labs/hdkd-helpers';

export interface Account {
  address: string;
  name: string;
  /** "dev" for the well-known development keys, else the extension's name. */
  source: string;
  signer: PolkadotSigner;
}

export const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'] as const;
/** The roles the dev and local chains give the dev accounts (README, "Roles"). */
export const DEV_ROLES: Record<string, string> = {
  Alice: 'validator, sudo, Foundation Manager, oracle feeder',
  Bob: 'Foundation Manager',
  Charlie: 'KYC/KYB verifier',
  Dave: 'free account',
  Eve: 'free account (producer in the demo)',
  Ferdie: 'free account (beneficiary in the demo)',
};

let devCache: Account[] | undefined;
export function devAccounts(): Account[] {
  if (devCache) return devCache;
  const derive = sr25519CreateDerive(entropyToMiniSecret(mnemonicToEntropy(DEV_PHRASE)));
  devCache = DEV_NAMES.map((name) => {
    const kp = derive(`//${name}`);
    return {
      address: ss58Address(kp.publicKey, 42),
      name,
      source: 'dev',
      signer: getPolkadotSigner(kp.publicKey, 'Sr25519', kp.sign),
    };
  });
  return devCache;
}

export const KNOWN_WALLETS: Record<string, string> = {
  'polkadot-js': 'Polkadot.js extension',
  talisman: 'Talisman',
  'subwallet-js': 'SubWallet',
};

export function injectedWallets(): string[] {
  try {
    return getInjectedExtensions();
  } catch {
    return [];
  }
}

/** Asks the extension for access (it shows its own prompt) and lists its accounts. */
export async function extensionAccounts(name: string, dappName = 'Treasurenet Portal'): Promise<Account[]> {
  const ext = await connectInjectedExtension(name, dappName);
  return ext.getAccounts().map((a) => ({
    address: a.address,
    name: a.name ?? a.address.slice(0, 8),
    source: KNOWN_WALLETS[name] ?? name,
    signer: a.polkadotSigner,
  }));
}

/** A readable name for an address: a dev account's name, else undefined. */
export function devName(address: string): string | undefined {
  return devAccounts().find((a) => a.address === address)?.name;
}
