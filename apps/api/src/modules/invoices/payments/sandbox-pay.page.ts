import { html, type SafeHtml } from '../../../lib/html';
import { formatEuro } from '../invoice-format';

const frame = (title: string, body: SafeHtml) => html`<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="stylesheet" href="/sandbox-pay/assets/sandbox.css"></head>
<body><main class="card"><p class="brand">Sandbox Pay · Testumgebung</p>${body}</main></body></html>`;

/**
 * The hosted card page of the sandbox provider, where a real provider would run 3-D Secure.
 * No script (the portal's CSP forbids inline script anyway): two plain forms.
 */
export function sandboxPayPage(input: {
  paymentId: string;
  token: string;
  amountCents: number;
  reference: string;
  merchant: string;
}) {
  const action = (outcome: string) => `/sandbox-pay/${encodeURIComponent(input.paymentId)}/${outcome}`;
  return frame(
    'Zahlung bestätigen',
    html`<h1>Zahlung bestätigen</h1>
<dl><dt>Empfänger</dt><dd>${input.merchant}</dd><dt>Verwendungszweck</dt><dd>${input.reference}</dd>
<dt>Betrag</dt><dd class="amount">${formatEuro(input.amountCents)}</dd></dl>
<p>Dies ist die Testseite des Zahlungsanbieters. Es werden keine Kartendaten abgefragt und kein Geld bewegt.</p>
<div class="actions">
<form method="post" action="${action('approve')}"><input type="hidden" name="token" value="${input.token}">
<button type="submit" class="approve">Zahlung freigeben</button></form>
<form method="post" action="${action('decline')}"><input type="hidden" name="token" value="${input.token}">
<button type="submit" class="decline">Ablehnen</button></form>
</div>`,
  );
}

export function sandboxMessagePage(title: string, text: string, backUrl: string) {
  return frame(title, html`<h1>${title}</h1><p>${text}</p><p><a href="${backUrl}">Zurück zum Kundenportal</a></p>`);
}

export const sandboxStyles = `
body { font-family: system-ui, sans-serif; background: #eef1f5; margin: 0; padding: 2rem 1rem; color: #1b2430; }
.card { max-width: 28rem; margin: 0 auto; background: #fff; border-radius: 12px; padding: 1.5rem; box-shadow: 0 4px 20px rgb(0 0 0 / 8%); }
.brand { font-weight: 700; color: #5b3cc4; margin: 0 0 1rem; }
dl { display: grid; grid-template-columns: auto 1fr; gap: .4rem 1rem; }
dt { color: #5a6472; } dd { margin: 0; } .amount { font-size: 1.4rem; font-weight: 700; }
.actions { display: flex; gap: .75rem; flex-wrap: wrap; margin-top: 1.5rem; }
button { font: inherit; padding: .7rem 1.2rem; border-radius: 8px; border: 0; cursor: pointer; }
button:focus-visible { outline: 3px solid #1b2430; outline-offset: 2px; }
.approve { background: #1d7a3e; color: #fff; } .decline { background: #e3e7ec; color: #1b2430; }
`;
