import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { html, rawHtml } from './html';

describe('html', () => {
  it('escapes interpolated values', () => {
    const name = '<img src=x onerror="alert(1)">';
    expect(html`<p>${name}</p>`.value).toBe('<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>');
  });

  it('keeps nested templates and trusted markup', () => {
    const items = ['a<b', 'c'];
    expect(html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>${rawHtml('<hr>')}`.value).toBe(
      '<ul><li>a&lt;b</li><li>c</li></ul><hr>',
    );
  });

  it('never lets a string open a tag or leave an attribute', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const out = html`${value}`.value;
        expect(out).not.toMatch(/[<>"'`]/);
        expect(out.replace(/&(amp|lt|gt|quot|#39|#96);/g, '')).not.toContain('&lt');
      }),
    );
  });
});
