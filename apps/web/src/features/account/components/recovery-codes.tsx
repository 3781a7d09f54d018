import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useMessages } from '../../../lib/i18n';
import { securityMessages } from '../security-messages';

/** Freshly made recovery codes, shown this once, with copy and download. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useMessages(securityMessages);
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const text = codes.join('\n');

  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([`${t.downloadTitle}\n\n${text}\n`], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'wiederherstellungscodes.txt';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <div className="security-panel" data-testid="recovery-codes">
      <h4 ref={heading} tabIndex={-1}>
        {t.newCodesTitle}
      </h4>
      <Alert tone="warning">{t.newCodesIntro}</Alert>
      <ol className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <Button variant="secondary" onClick={() => void copy()}>
          {t.copy}
        </Button>
        <Button variant="secondary" onClick={download}>
          {t.download}
        </Button>
        <Button onClick={onDone}>{t.saved}</Button>
      </div>
      {copied && <p role="status">{t.copied}</p>}
    </div>
  );
}
