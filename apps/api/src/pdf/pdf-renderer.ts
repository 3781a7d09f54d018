import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { AppError } from '../lib/app-error';
import type { SafeHtml } from '../lib/html';

export interface PdfRendererOptions {
  executablePath: string;
  /** Pages rendering at once. */
  poolSize: number;
  /** Renders waiting for a page; past it callers get 429 with Retry-After. */
  maxQueue?: number;
  /** A render taking longer answers 503. */
  timeoutMs?: number;
  /** Chromium is restarted after this many renders to bound its memory. */
  relaunchAfter?: number;
}

export interface PdfRenderer {
  render(document: SafeHtml): Promise<Buffer>;
  stats(): { active: number; queued: number; renders: number; launches: number };
  close(): Promise<void>;
}

const CHROMIUM_ARGS = [
  '--no-sandbox', // required as root in containers; rendering is locked down below instead
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/**
 * One long-lived Chromium with a bounded pool of pages. Rendering is locked down: JavaScript is
 * off and every network request is refused (fonts and images must be inlined as data: URIs), so
 * customer-controlled text in a template can neither run script nor fetch a URL.
 */
export function createPdfRenderer(options: PdfRendererOptions): PdfRenderer {
  const maxQueue = options.maxQueue ?? 20;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const relaunchAfter = options.relaunchAfter ?? 500;
  let browser: Promise<Browser> | null = null;
  let rendersSinceLaunch = 0;
  let renders = 0;
  let launches = 0;
  let active = 0;
  const waiting: Array<() => void> = [];

  const launch = (): Promise<Browser> => {
    launches++;
    const launched = puppeteer.launch({ executablePath: options.executablePath, headless: true, args: CHROMIUM_ARGS });
    launched
      .then((instance) =>
        instance.on('disconnected', () => {
          // A crashed or killed Chromium is replaced on the next render.
          if (browser === launched) browser = null;
        }),
      )
      .catch(() => {
        if (browser === launched) browser = null;
      });
    return launched;
  };

  const getBrowser = async (): Promise<Browser> => {
    if (browser && rendersSinceLaunch >= relaunchAfter && active === 0) {
      const old = browser;
      browser = null;
      void old.then((instance) => instance.close()).catch(() => {});
    }
    if (!browser) {
      rendersSinceLaunch = 0;
      browser = launch();
    }
    return browser;
  };

  const lockDown = async (page: Page) => {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || url === 'about:blank') void request.continue();
      else void request.abort('blockedbyclient');
    });
  };

  const renderOnce = async (document: SafeHtml): Promise<Buffer> => {
    const instance = await getBrowser();
    const page = await instance.newPage();
    try {
      await lockDown(page);
      await page.setContent(document.value, { waitUntil: 'load', timeout: timeoutMs });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, timeout: timeoutMs });
      return Buffer.from(pdf);
    } finally {
      await page.close().catch(() => {});
    }
  };

  const withTimeout = <T>(work: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new AppError('service_unavailable', 'Rendering the PDF took too long.')),
        timeoutMs,
      );
      work.then(resolve, reject).finally(() => clearTimeout(timer));
    });

  return {
    async render(document) {
      if (active >= options.poolSize) {
        if (waiting.length >= maxQueue) {
          throw new AppError(
            'rate_limited',
            'Too many PDFs are being rendered; try again shortly.',
            {},
            { 'retry-after': '5' },
          );
        }
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        active++;
      }
      try {
        const pdf = await withTimeout(renderOnce(document)).catch(async (error) => {
          if (error instanceof AppError) throw error;
          // One retry on a fresh browser: the old one may have crashed mid-render.
          browser = null;
          return withTimeout(renderOnce(document));
        });
        renders++;
        rendersSinceLaunch++;
        return pdf;
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError('service_unavailable', 'The PDF could not be rendered.');
      } finally {
        const next = waiting.shift();
        if (next) next();
        else active--;
      }
    },
    stats: () => ({ active, queued: waiting.length, renders, launches }),
    async close() {
      const current = browser;
      browser = null;
      if (current) await current.then((instance) => instance.close()).catch(() => {});
    },
  };
}
