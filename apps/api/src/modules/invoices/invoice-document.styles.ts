/** Print styles of the invoice document (A4, DIN 5008-like address window). */
export const invoiceDocumentStyles = `
@page { size: A4; margin: 18mm 18mm 34mm 22mm;
  @top-right { content: "Seite " counter(page) " von " counter(pages); font-family: "DejaVu Sans", Arial, sans-serif; font-size: 7.5pt; color: #555; } }
.lines tr { break-inside: avoid; }
.totals, .payment, .note { break-inside: avoid; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; color: #1b2430; margin: 0; }
.letterhead { display: flex; justify-content: space-between; align-items: flex-start; }
.logo { width: 44mm; height: auto; }
.provider { text-align: right; font-size: 8.5pt; line-height: 1.4; }
/* DIN 5008: the address window on the left, the information block beside it on the right. */
.addressing { display: flex; justify-content: space-between; align-items: flex-start; gap: 4mm; margin-top: 10mm; }
.window { width: 80mm; }
.sender { font-size: 7pt; color: #555; margin: 0 0 1mm; text-decoration: underline; }
.recipient { min-height: 30mm; line-height: 1.4; }
.meta { margin: 0; border-collapse: collapse; }
.meta th { text-align: left; font-weight: normal; color: #555; padding: 0 4mm 0 0; }
.meta td { white-space: nowrap; }
h1 { font-size: 15pt; margin: 6mm 0 4mm; }
table.lines { width: 100%; border-collapse: collapse; }
.lines th { text-align: left; border-bottom: 1px solid #1b2430; padding: 1.5mm 1mm; font-size: 8.5pt; }
.lines td { border-bottom: 1px solid #d6dbe1; padding: 1.5mm 1mm; vertical-align: top; }
.num { text-align: right; white-space: nowrap; }
.lines th.num { text-align: right; }
.totals { margin: 4mm 0 0 auto; border-collapse: collapse; min-width: 75mm; }
.totals th { text-align: left; font-weight: normal; padding: 0.8mm 6mm 0.8mm 0; }
.totals td { text-align: right; white-space: nowrap; }
.totals .gross th, .totals .gross td { font-weight: bold; border-top: 1px solid #1b2430; padding-top: 1.5mm; }
.note { margin-top: 6mm; font-style: italic; }
.payment { display: flex; gap: 8mm; align-items: flex-start; margin-top: 6mm; }
.payment figure { margin: 0; text-align: center; font-size: 7.5pt; }
.qr { width: 32mm; height: 32mm; }
`;

/**
 * A CSS string of any text: every character but letters, digits, space and a few safe marks is
 * written as a hexadecimal escape (so no quote, backslash or `<` of the text ends the string or
 * the style element), and each line break as `\A` (the margin box keeps it: `white-space: pre`).
 */
export function cssString(text: string): string {
  const escaped = [...text]
    .map((char) =>
      char === '\n'
        ? '\\A '
        : /[\p{L}\p{N} .,:;@/()&+–·-]/u.test(char)
          ? char
          : `\\${char.codePointAt(0)?.toString(16)} `,
    )
    .join('');
  return `"${escaped}"`;
}

/**
 * The legal footer (register, VAT ID, tax number, bank) in the page's bottom margin boxes, so that
 * it stands on every page, outside the flow: a short invoice stays one page (#15). Three columns,
 * given as lines of text.
 */
export function footerStyles(columns: [string[], string[], string[]]): string {
  const box = (name: string, lines: string[], align: string) =>
    `@${name} { content: ${cssString(lines.join('\n'))}; white-space: pre; text-align: ${align}; vertical-align: top;
    font-family: "DejaVu Sans", Arial, sans-serif; font-size: 7pt; line-height: 1.35; color: #555;
    border-top: 1px solid #d6dbe1; padding-top: 2mm; margin-top: 6mm; }`;
  const [left, center, right] = columns;
  return `@page { ${box('bottom-left', left, 'left')} ${box('bottom-center', center, 'left')} ${box('bottom-right', right, 'left')} }`;
}

const logoSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 250 48"><g fill="none" stroke="#0b5cad" stroke-width="4" stroke-linecap="round"><path d="M8 30c10-10 20-10 30 0s20 10 30 0"/><path d="M8 18c10-10 20-10 30 0s20 10 30 0" opacity=".55"/></g><text x="80" y="32" font-family="Arial, sans-serif" font-size="20" font-weight="700" fill="#1b2430">Rechenzentrum</text></svg>`;

/** The letterhead logo, inline (the renderer refuses network requests). */
export const providerLogo = `data:image/svg+xml;base64,${Buffer.from(logoSvg).toString('base64')}`;
