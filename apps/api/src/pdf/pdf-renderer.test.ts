import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { html, rawHtml } from '../lib/html';
import { createPdfRenderer } from './pdf-renderer';

const renderer = createPdfRenderer({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', poolSize: 2 });
afterAll(() => renderer.close());

describe('PDF renderer', () => {
  it('renders HTML to a PDF', async () => {
    const pdf = await renderer.render(
      html`<!doctype html><html><body><h1>Rechnung ${'RE-2026-000001'}</h1></body></html>`,
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses every network request and runs no script, whatever the template contains', async () => {
    const hits: string[] = [];
    const server = createServer((request, response) => {
      hits.push(request.url ?? '');
      response.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    // Deliberately unescaped markup, as if a template had a hole: the lockdown must still hold.
    const pdf = await renderer.render(
      rawHtml(
        `<!doctype html><html><head><link rel="stylesheet" href="${base}/css"></head><body>` +
          `<img src="${base}/img"><script>fetch('${base}/script')</script><iframe src="${base}/frame"></iframe>` +
          `<p>text</p></body></html>`,
      ),
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    server.close();
    expect(hits).toEqual([]);
  });

  it('renders many documents concurrently through the bounded pool', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, (_, index) => renderer.render(html`<p>${index}</p>`)));
    expect(results.every((pdf) => pdf.length > 500)).toBe(true);
    expect(renderer.stats().active).toBe(0);
  });
});
