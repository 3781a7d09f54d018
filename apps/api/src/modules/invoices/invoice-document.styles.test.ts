import { describe, expect, it } from 'vitest';
import { cssString, footerStyles } from './invoice-document.styles';

describe('the footer in the page margin', () => {
  it('writes any text as one CSS string: no quote, backslash or `<` of the text survives, lines break with \\A', () => {
    const text = 'Müller "&" Söhne\\ GmbH; } body { display: none } </style><script>\nHRB 12345';
    const written = cssString(text);
    expect(written.startsWith('"') && written.endsWith('"')).toBe(true);
    const inner = written.slice(1, -1);
    expect(inner).not.toMatch(/["<>{}]/);
    // Every backslash starts a hexadecimal escape ended by a space.
    expect(inner.replace(/\\[0-9a-fA-F]{1,6} /g, '')).not.toContain('\\');
    expect(inner).toContain('Müller ');
    expect(inner).toContain('\\A HRB 12345');
    expect(inner).toContain('\\3c /style\\3e ');
  });

  it('puts three columns into the bottom margin boxes of every page', () => {
    const styles = footerStyles([['Nordwind GmbH'], ['HRB 1'], ['IBAN: DE02', 'BIC: X']]);
    expect(styles).toMatch(/^@page \{ @bottom-left \{ content: "Nordwind GmbH";/);
    expect(styles).toContain('@bottom-center { content: "HRB 1";');
    expect(styles).toContain('@bottom-right { content: "IBAN: DE02\\A BIC: X";');
  });
});
