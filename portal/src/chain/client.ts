// One connection to the node (polkadot-api over WebSocket) with the typed API generated from the
// runtime's metadata (.papi/descriptors, `npm run descriptors`).
import { createClient, type PolkadotClient, type TypedApi } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { tn } from '@polkadot-api/descriptors';

export type Api = TypedApi<typeof tn>;
export type ConnState = 'connecting' | 'connected' | 'disconnected' | 'error';

export interface Connection {
  client: PolkadotClient;
  api: Api;
  url: string;
  destroy: () => void;
}

export function connect(url: string, onState: (s: ConnState) => void): Connection {
  const provider = getWsProvider(url, {
    onStatusChanged: (s) => {
      const t = String(s.type);
      onState(t === 'CONNECTED' ? 'connected' : t === 'ERROR' ? 'error' : t === 'CLOSE' ? 'disconnected' : 'connecting');
    },
  });
  const client = createClient(provider);
  const api = client.getTypedApi(tn);
  return { client, api, url, destroy: () => client.destroy() };
}

export interface ChainInfo {
  name: string;
  /** Development or local chain: the well-known dev accounts are offered. */
  isDev: boolean;
  tokenSymbol: string;
  tokenDecimals: number;
  genesis: string;
}

export async function chainInfo(client: PolkadotClient): Promise<ChainInfo> {
  const spec = await client.getChainSpecData();
  let chainType = '';
  try {
    const t = await client._request<unknown>('system_chainType', []);
    chainType = typeof t === 'string' ? t : JSON.stringify(t);
  } catch { /* legacy RPC not offered: decide by name */ }
  const props = (spec.properties ?? {}) as Record<string, unknown>;
  return {
    name: spec.name,
    isDev: /Development|Local/i.test(chainType) || /development|local|dev\b/i.test(spec.name),
    tokenSymbol: String(props.tokenSymbol ?? 'UNIT'),
    tokenDecimals: Number(props.tokenDecimals ?? 12),
    genesis: spec.genesisHash,
  };
}
