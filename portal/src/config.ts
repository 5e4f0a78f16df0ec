// Where the portal connects: ?rpc=ws://host:port in the page URL, else VITE_TN_RPC at build time,
// else the dev node on this machine.
export const DEFAULT_RPC = 'ws://127.0.0.1:9944';

export function rpcUrl(): string {
  const q = new URLSearchParams(window.location.search).get('rpc');
  if (q && /^wss?:\/\//.test(q)) return q;
  const env = import.meta.env.VITE_TN_RPC as string | undefined;
  return env && /^wss?:\/\//.test(env) ? env : DEFAULT_RPC;
}

/** Polkadot.js Apps pointed at the same node (for governance votes and anything else). */
export const appsUrl = (rpc: string, path = '') =>
  `https://polkadot.js.org/apps/?rpc=${encodeURIComponent(rpc)}#${path}`;
