// The plain Petrinex identifier of a well is not on chain (only its blake2-256). The browser that
// registered a well remembers it here, and any browser can re-derive it by typing it (the
// commitment is checked), so tables can show "100071901015W400" instead of a hash.
import { wellCommitment } from './hash';

const KEY = 'tn.wellIds';
function load(): Record<string, string> {
  try { return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, string>; } catch { return {}; }
}
export function rememberIdentifier(id: string) {
  const m = load();
  m[wellCommitment(id).toLowerCase()] = id;
  localStorage.setItem(KEY, JSON.stringify(m));
}
export function identifierOf(commitment: string): string | undefined {
  return load()[commitment.toLowerCase()];
}
