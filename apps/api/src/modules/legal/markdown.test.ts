import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, parseInline, parseMarkdown } from './markdown';

describe('parseMarkdown', () => {
  it('reads title, headings, paragraphs with their line breaks, and both kinds of list', () => {
    const text = parseMarkdown(
      '# Titel\n\nErste Zeile\nzweite Zeile\n\n## Abschnitt\n### Unterabschnitt\n- eins\n  weiter\n* zwei\n\n1. erstens\n2) zweitens\n',
      'Fallback',
    );
    expect(text).toEqual({
      title: 'Titel',
      blocks: [
        { type: 'paragraph', content: [{ text: 'Erste Zeile\nzweite Zeile' }] },
        { type: 'heading', level: 2, text: 'Abschnitt' },
        { type: 'heading', level: 3, text: 'Unterabschnitt' },
        { type: 'list', ordered: false, items: [[{ text: 'eins weiter' }], [{ text: 'zwei' }]] },
        { type: 'list', ordered: true, items: [[{ text: 'erstens' }], [{ text: 'zweitens' }]] },
      ],
    });
    expect(parseMarkdown('Nur Text', 'Fallback').title).toBe('Fallback');
  });

  it('keeps bold and safe links, and turns unsafe links and HTML into text', () => {
    expect(parseInline('**fett** und [Seite](https://example.com) <mailto:a@example.com>')).toEqual([
      { text: 'fett', strong: true },
      { text: ' und ' },
      { text: 'Seite', href: 'https://example.com' },
      { text: ' ' },
      { text: 'a@example.com', href: 'mailto:a@example.com' },
    ]);
    expect(parseInline('[x](javascript:alert(1)) <img src=x onerror=alert(1)> [y](data:text/html,1)')).toEqual([
      { text: '[x](javascript:alert(1)) <img src=x onerror=alert(1)> y' },
    ]);
  });

  it('gives back any escaped value exactly as it was', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (value) => {
        const oneLine = value.replace(/\s*[\r\n]+\s*/g, ' ').trim();
        fc.pre(oneLine.length > 0);
        const [block] = parseMarkdown(`Wert: ${escapeMarkdown(oneLine)}`, 't').blocks;
        expect(block).toEqual({ type: 'paragraph', content: [{ text: `Wert: ${oneLine}` }] });
      }),
    );
  });

  it('only ever links to https, http or mailto', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (source) => {
        for (const block of parseMarkdown(source, 't').blocks) {
          const spans = block.type === 'paragraph' ? block.content : block.type === 'list' ? block.items.flat() : [];
          for (const span of spans) if (span.href) expect(span.href).toMatch(/^(https?:\/\/|mailto:)/i);
        }
      }),
    );
  });
});
