import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { AppError } from '../lib/app-error';
import type { SafeHtml } from '../lib/html';

export interface PdfRendererOptions {
  executablePath: string;
  /** Pages rendering at once. */
  poolSize: number;
  /** Renders waiting for a page; past it callers get 429 with Retry-After. */
  maxQueue?: number;
  /** A render taking longer answers 503 (its page is closed, so it stops using Chromium). */
  timeoutMs?: number;
  /** Chromium is replaced after this many renders to bound its memory. */
  relaunchAfter?: number;
}

export interface PdfRendererStats {
  active: number;
  queued: number;
  renders: number;
  launches: number;
  /** Chromium processes alive: the current one plus retired ones finishing their renders. */
  browsers: number;
}

export interface PdfRenderer {
  render(document: SafeHtml): Promise<Buffer>;
  stats(): PdfRendererStats;
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

/** One Chromium process and the renders it is running; retired ones close when idle. */
interface Generation {
  browser: Promise<Browser>;
  /** Rejects when this Chromium goes away: puppeteer leaves some in-flight calls hanging then. */
  lost: Promise<never>;
  inFlight: number;
  renders: number;
  retired: boolean;
}

class RenderTimeout extends Error {}

/**
 * One long-lived Chromium with a bounded pool of pages. Rendering is locked down: JavaScript is
 * off and every network request is refused (fonts and images must be inlined as data: URIs), so
 * customer-controlled text in a template can neither run script nor fetch a URL.
 */
export function createPdfRenderer(options: PdfRendererOptions): PdfRenderer {
  const maxQueue = options.maxQueue ?? 20;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const relaunchAfter = options.relaunchAfter ?? 500;
  let current: Generation | null = null;
  const alive = new Set<Generation>();
  let renders = 0;
  let launches = 0;
  let active = 0;
  const waiting: Array<() => void> = [];

  const shutDown = (generation: Generation) => {
    alive.delete(generation);
    void generation.browser.then((browser) => browser.close()).catch(() => {});
  };

  const retire = (generation: Generation) => {
    if (generation.retired) return;
    generation.retired = true;
    if (current === generation) current = null;
    if (generation.inFlight === 0) shutDown(generation);
  };

  const launch = (): Generation => {
    launches++;
    const browser = puppeteer.launch({ executablePath: options.executablePath, headless: true, args: CHROMIUM_ARGS });
    let markLost: (reason: Error) => void = () => {};
    const lost = new Promise<never>((_, reject) => {
      markLost = reject;
    });
    lost.catch(() => {});
    const generation: Generation = { browser, lost, inFlight: 0, renders: 0, retired: false };
    alive.add(generation);
    browser.then(
      // A crashed or killed Chromium is replaced on the next render.
      (instance) =>
        instance.on('disconnected', () => {
          markLost(new Error('Chromium disconnected'));
          retire(generation);
        }),
      () => retire(generation),
    );
    return generation;
  };

  // Past `relaunchAfter` renders new work goes to a fresh Chromium at once; the old one finishes
  // what it has and then closes, so the relaunch happens under constant load too.
  const acquire = (): Generation => {
    if (current && current.renders >= relaunchAfter) retire(current);
    current ??= launch();
    current.inFlight++;
    current.renders++;
    return current;
  };

  const release = (generation: Generation) => {
    generation.inFlight--;
    if (generation.retired && generation.inFlight === 0 && alive.has(generation)) shutDown(generation);
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
    const generation = acquire();
    let page: Page | undefined;
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    try {
      const work = (async () => {
        const opened = await (await generation.browser).newPage();
        // A page that opens after the deadline is closed at once instead of rendering unseen.
        if (timedOut) {
          await opened.close().catch(() => {});
          throw new RenderTimeout();
        }
        page = opened;
        await lockDown(page);
        await page.setContent(document.value, { waitUntil: 'load', timeout: timeoutMs });
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          timeout: timeoutMs,
        });
        return Buffer.from(pdf);
      })();
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          timedOut = true;
          reject(new RenderTimeout());
        }, timeoutMs);
      });
      work.catch(() => {}); // after a timeout its rejection has nobody listening
      return await Promise.race([work, deadline, generation.lost]);
    } finally {
      clearTimeout(timer);
      // Closing the page also stops a render that ran past its deadline.
      await (page as Page | undefined)?.close().catch(() => {});
      release(generation);
    }
  };

  const renderWithRetry = async (document: SafeHtml): Promise<Buffer> => {
    try {
      return await renderOnce(document);
    } catch (error) {
      if (error instanceof RenderTimeout) throw error;
      // One retry on a fresh Chromium: the old one may have crashed mid-render.
      if (current) retire(current);
      return renderOnce(document);
    }
  };

  const takeSlot = async () => {
    if (active < options.poolSize) {
      active++;
      return;
    }
    if (waiting.length >= maxQueue) {
      throw new AppError(
        'rate_limited',
        'Too many PDFs are being rendered; try again shortly.',
        {},
        { 'retry-after': '5' },
      );
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };

  const freeSlot = () => {
    const next = waiting.shift();
    // Hand the slot straight to the next waiter; only free it when nobody waits.
    if (next) next();
    else active--;
  };

  return {
    async render(document) {
      await takeSlot();
      try {
        const pdf = await renderWithRetry(document);
        renders++;
        return pdf;
      } catch (error) {
        if (error instanceof RenderTimeout) {
          throw new AppError('service_unavailable', 'Rendering the PDF took too long.', {}, { 'retry-after': '10' });
        }
        throw new AppError('service_unavailable', 'The PDF could not be rendered.', {}, { 'retry-after': '10' });
      } finally {
        freeSlot();
      }
    },
    stats: () => ({ active, queued: waiting.length, renders, launches, browsers: alive.size }),
    async close() {
      current = null;
      const closing = [...alive].map((generation) => generation.browser.then((browser) => browser.close()));
      alive.clear();
      await Promise.allSettled(closing);
    },
  };
}
