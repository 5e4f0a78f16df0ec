// Drop a document: it is hashed here, salted, and never leaves the browser.
import { useState } from 'react';
import { documentCommitment, fileBytes, newSalt } from '../lib/hash';
import { toHex } from '../lib/format';
import { Copy } from './kit';

export interface Committed { commitment: `0x${string}`; salt: string; fileName: string; size: number }

/** `account`: the submitting account (ss58): the commitment is bound to it. */
export function DocCommit({ label, account, onChange, testId }: { label: string; account: string; onChange: (c: Committed | undefined) => void; testId?: string }) {
  const [c, setC] = useState<Committed>();
  async function pick(f: File | undefined) {
    if (!f) { setC(undefined); onChange(undefined); return; }
    const salt = newSalt();
    const doc = await fileBytes(f);
    const out: Committed = { commitment: documentCommitment(salt, account, doc), salt: toHex(salt), fileName: f.name, size: f.size };
    localStorage.setItem(`tn.salt.${out.commitment}`, JSON.stringify({ salt: out.salt, file: f.name }));
    setC(out);
    onChange(out);
  }
  function receipt() {
    if (!c) return;
    const body = `Treasurenet document commitment\nfile: ${c.fileName} (${c.size} bytes)\nsalt: ${c.salt}\ncommitment: ${c.commitment}\n\nHand the document and this salt to the verifier (off chain). commitment = blake2b-256(salt ‖ account ‖ blake2b-256(document bytes)), account = ${account}.\n`;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([body], { type: 'text/plain' }));
    a.download = `${c.fileName}.commitment.txt`;
    a.click();
  }
  return (
    <div className="doc-commit">
      <label className="drop">
        <span>{label}</span>
        <input type="file" data-testid={testId} onChange={(e) => void pick(e.target.files?.[0])}
          onDrop={(e) => { e.preventDefault(); void pick(e.dataTransfer.files?.[0]); }} />
      </label>
      <small className="hint">The file is hashed in this browser and never uploaded. Only the commitment goes on chain.</small>
      {c && (
        <dl className="kv commit-out" data-testid={testId ? `${testId}-out` : undefined}>
          <dt>Document</dt><dd>{c.fileName} ({c.size.toLocaleString()} bytes)</dd>
          <dt>Salt</dt><dd><code data-testid={testId ? `${testId}-salt` : undefined}>{c.salt}</code> <Copy text={c.salt} /></dd>
          <dt>Commitment</dt><dd><code data-testid={testId ? `${testId}-commitment` : undefined}>{c.commitment}</code></dd>
          <dd className="full">
            <strong>Keep the salt:</strong> give it to the verifier together with the document, off chain.{' '}
            <button type="button" className="link" onClick={receipt}>Download a receipt</button>
          </dd>
        </dl>
      )}
    </div>
  );
}
