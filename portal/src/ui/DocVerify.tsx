// Verifier side: drop the document received off chain, paste its salt, compare with the chain.
import { useId, useState } from 'react';
import { documentCommitment, fileBytes } from '../lib/hash';
import { fromHex } from '../lib/format';

/** `account`: the account that submitted the commitment (the applicant, the well's owner). */
export function DocVerify({ commitment, account, onResult, testId }: { commitment: string; account: string; onResult?: (ok: boolean) => void; testId?: string }) {
  const [file, setFile] = useState<File>();
  const [salt, setSalt] = useState('');
  const [result, setResult] = useState<{ ok: boolean; computed: string }>();
  const [err, setErr] = useState<string>();
  const sid = useId();
  async function check(f = file, s = salt) {
    setResult(undefined); setErr(undefined);
    if (!f || !s.trim()) return;
    let saltBytes: Uint8Array;
    try { saltBytes = fromHex(s.trim()); } catch { setErr('the salt is 64 hex digits (0x…)'); return; }
    if (saltBytes.length !== 32) { setErr(`the salt has ${saltBytes.length} bytes, expected 32`); return; }
    const computed = documentCommitment(saltBytes, account, await fileBytes(f));
    const ok = computed.toLowerCase() === commitment.toLowerCase();
    setResult({ ok, computed });
    onResult?.(ok);
  }
  return (
    <div className="doc-verify">
      <label className="drop small"><span>Document received</span>
        <input type="file" data-testid={testId ? `${testId}-file` : undefined} onChange={(e) => { const f = e.target.files?.[0]; setFile(f); void check(f, salt); }} />
      </label>
      <label htmlFor={sid}>Salt</label>
      <input id={sid} value={salt} spellCheck={false} placeholder="0x… (64 hex digits)" data-testid={testId ? `${testId}-salt` : undefined}
        onChange={(e) => { setSalt(e.target.value); void check(file, e.target.value); }} />
      <div role="status" aria-live="polite" data-testid={testId ? `${testId}-result` : undefined}>
        {err && <span className="bad">{err}</span>}
        {result && (result.ok
          ? <span className="ok">✓ Matches the commitment on chain.</span>
          : <span className="bad">✗ Does not match: this document and salt give {result.computed.slice(0, 18)}…</span>)}
      </div>
    </div>
  );
}
