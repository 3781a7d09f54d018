import { describe, expect, it } from 'vitest';
import { redactLinkTokens } from './redact';

describe('redactLinkTokens', () => {
  it('removes the token of every link, in text and escaped HTML, and keeps the rest', () => {
    const text = 'Link: https://portal.example/reset-password?token=abc_DEF-123&welcome=1 und weiter';
    expect(redactLinkTokens(text)).toBe(
      'Link: https://portal.example/reset-password?token=[entfernt]&welcome=1 und weiter',
    );
    expect(redactLinkTokens('<a href="/x?welcome=1&amp;token=Zz9-_">x</a>')).toBe(
      '<a href="/x?welcome=1&amp;token=[entfernt]">x</a>',
    );
    expect(redactLinkTokens('no link, a token word')).toBe('no link, a token word');
  });
});
