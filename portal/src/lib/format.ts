// Display-only unit conversions. The chain's integers are never recomputed here: these functions
// only move a decimal point (or multiply by a fixed conversion factor for an alternative unit).

export const UNIT_DECIMALS = 12; // native token
export const TAT_DECIMALS = 18; // 1 TAT = 1 USD
export const PERBILL = 1_000_000_000n;

/** `amount` in units of 10^decimals, `digits` decimals shown (truncated), thousands separated. */
export function fixed(amount: bigint, decimals: number, digits = 2): string {
  const neg = amount < 0n;
  const a = neg ? -amount : amount;
  const base = 10n ** BigInt(decimals);
  const whole = (a / base).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = digits > 0 ? `.${(a % base).toString().padStart(decimals, '0').slice(0, digits)}` : '';
  return `${neg ? '−' : ''}${whole}${frac}`;
}

export const fmtTat = (x: bigint, digits = 6) => `${fixed(x, TAT_DECIMALS, digits)} TAT`;
export const fmtUsd = (x: bigint, digits = 2) => `$${fixed(x, TAT_DECIMALS, digits)}`;
export const fmtUnit = (x: bigint, digits = 4) => `${fixed(x, UNIT_DECIMALS, digits)} UNIT`;
/** Price in micro-USD per bbl / MMBtu. */
export const fmtPrice = (micro: bigint, commodity: Commodity) =>
  `$${fixed(micro, 6, 2)}/${commodity === 'Oil' ? 'bbl' : 'MMBtu'}`;
/** Perbill parts → "12.5 %". */
export const fmtPerbill = (parts: number | bigint, digits = 2) => {
  const p = BigInt(parts);
  return `${fixed(p * 100n, 9, digits)} %`;
};
/** Signed parts per billion → "+8.00 %". */
export const fmtPpb = (ppb: bigint | number | undefined, digits = 2) => {
  if (ppb === undefined) return '—';
  const p = BigInt(ppb);
  return `${p > 0n ? '+' : ''}${fixed(p * 100n, 9, digits)} %`;
};

export type Commodity = 'Oil' | 'Gas';

/** Chain volume (litres of oil, m³ of gas) in the regulator's unit: m³ of oil, e³m³ of gas. */
export const volumeUnit = (c: Commodity) => (c === 'Oil' ? 'm³' : 'e³m³');
export const fmtVolume = (v: bigint, c: Commodity) => `${fixed(v, 3, 3)} ${volumeUnit(c)}`;
/** Oil also in barrels (1 m³ = 6.28981 bbl), display only. */
export const fmtBbl = (litres: bigint) => `${fixed((litres * 628_981n) / 100_000n, 3, 1)} bbl`;

/**
 * "28.5" (m³ or e³m³, at most 3 decimals) → 28500 (litres or m³, the chain's unit).
 * Exact decimal parsing: no floating point. Returns an error text on bad input.
 */
export function parseThousandths(text: string): bigint | string {
  const t = text.trim();
  if (t === '') return 'empty volume';
  if (t.startsWith('-')) return `negative volume "${t}"`;
  const m = /^(\d+)(?:\.(\d*))?$/.exec(t);
  if (!m) return `volume "${t}" is not a number (use digits and a decimal point, e.g. 28.5)`;
  const frac = m[2] ?? '';
  if (frac.length > 3) return `volume "${t}" has more than 3 decimals`;
  return BigInt(m[1]) * 1000n + BigInt((frac + '000').slice(0, 3));
}

/** "12.5" (percent, ≤ 7 decimals) → Perbill parts. */
export function parsePercent(text: string): number | string {
  const t = text.trim();
  const m = /^(\d{1,3})(?:\.(\d{0,7}))?$/.exec(t);
  if (!m) return `"${t}" is not a percentage`;
  const parts = Number(m[1]) * 10_000_000 + Number(((m[2] ?? '') + '0000000').slice(0, 7));
  if (parts > 1_000_000_000) return 'more than 100 %';
  return parts;
}

/** "100" / "0.5" UNIT → base units. */
export function parseAmount(text: string, decimals: number): bigint | string {
  const t = text.trim();
  const m = /^(\d+)(?:\.(\d*))?$/.exec(t);
  if (!m) return `"${t}" is not an amount`;
  const frac = m[2] ?? '';
  if (frac.length > decimals) return `at most ${decimals} decimals`;
  return BigInt(m[1]) * 10n ** BigInt(decimals) + BigInt((frac + '0'.repeat(decimals)).slice(0, decimals));
}

export const short = (addr: string) => (addr.length > 14 ? `${addr.slice(0, 6)}…${addr.slice(-6)}` : addr);
export const shortHex = (h: string) => (h.length > 18 ? `${h.slice(0, 10)}…${h.slice(-6)}` : h);
export const toHex = (b: Uint8Array) => `0x${Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')}`;
export function fromHex(h: string): Uint8Array {
  const s = h.startsWith('0x') ? h.slice(2) : h;
  if (!/^([0-9a-fA-F]{2})*$/.test(s)) throw new Error('not hex');
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}
export const text = (b: Uint8Array) => new TextDecoder().decode(b);
export const bytes = (s: string) => new TextEncoder().encode(s);
