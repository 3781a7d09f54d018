import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LegalDocument } from './legal-document';

describe('LegalDocument', () => {
  it('shows headings, paragraphs, lists and links, and markup only as text', () => {
    render(
      <LegalDocument
        text={{
          title: 'Impressum',
          blocks: [
            { type: 'heading', level: 2, text: 'Kontakt' },
            {
              type: 'paragraph',
              content: [
                { text: 'E-Mail: ' },
                { text: 'info@example.com', href: 'mailto:info@example.com' },
                { text: ' <img src=x onerror=alert(1)>' },
              ],
            },
            { type: 'list', ordered: false, items: [[{ text: 'Auskunft', strong: true }], [{ text: 'Löschung' }]] },
          ],
        }}
      />,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Impressum' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Kontakt' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'info@example.com' }).getAttribute('href')).toBe('mailto:info@example.com');
    expect(screen.getByText('<img src=x onerror=alert(1)>', { exact: false })).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });
});
