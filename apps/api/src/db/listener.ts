import pg from 'pg';

/**
 * One LISTEN connection per process, outside the pool (a pooled connection is handed to queries
 * and would lose its LISTEN). `onLost` runs as soon as the connection is gone or stops answering
 * (notifications sent meanwhile are lost for good); `onListening` once LISTEN is back. Callers
 * treat everything they learned from notifications as void between the two (ADR 0025-d).
 */
export interface NotificationListenerOptions {
  connectionString: string;
  channel: string;
  onNotification(payload: string): void;
  onListening(): void;
  onLost(error: unknown): void;
  /** Shows up in pg_stat_activity, so operators (and tests) find the connection. */
  applicationName: string;
  /** A silently dead connection is noticed by a ping this often. */
  pingIntervalMs?: number;
  /** First wait before reconnecting; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

export interface NotificationListener {
  readonly listening: boolean;
  close(): Promise<void>;
}

const CHANNEL_NAME = /^[a-z_][a-z0-9_]*$/;

export function startNotificationListener(options: NotificationListenerOptions): NotificationListener {
  if (!CHANNEL_NAME.test(options.channel)) throw new Error(`not a channel name: ${options.channel}`);
  const pingIntervalMs = options.pingIntervalMs ?? 5_000;
  const firstRetryMs = options.retryMs ?? 250;
  const maxRetryMs = options.maxRetryMs ?? 5_000;
  let client: pg.Client | undefined;
  let listening = false;
  let closed = false;
  let retryMs = firstRetryMs;
  let retryTimer: NodeJS.Timeout | undefined;
  let pingTimer: NodeJS.Timeout | undefined;

  const lose = (lostClient: pg.Client, error: unknown) => {
    // Each client is lost once; a late event of an old client changes nothing.
    if (lostClient !== client) return;
    client = undefined;
    clearInterval(pingTimer);
    const wasListening = listening;
    listening = false;
    // Also when it never listened: the caller may have assumed nothing yet, but saying so is harmless.
    options.onLost(error);
    lostClient.end().catch(() => {});
    if (!closed) {
      retryTimer = setTimeout(connect, wasListening ? 0 : retryMs);
      retryTimer.unref();
      retryMs = Math.min(retryMs * 2, maxRetryMs);
    }
  };

  const connect = () => {
    if (closed) return;
    const next = new pg.Client({
      connectionString: options.connectionString,
      application_name: options.applicationName,
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
      query_timeout: Math.max(1_000, pingIntervalMs),
    });
    client = next;
    // Attached before connecting and never removed: an 'error' without a listener ends the process.
    next.on('error', (error) => lose(next, error));
    next.on('end', () => lose(next, new Error('listener connection ended')));
    next.on('notification', (message) => {
      if (next === client && message.channel === options.channel) options.onNotification(message.payload ?? '');
    });
    next
      .connect()
      .then(() => next.query(`listen ${options.channel}`))
      .then(() => {
        if (next !== client || closed) return;
        listening = true;
        retryMs = firstRetryMs;
        options.onListening();
        pingTimer = setInterval(() => {
          next.query('select 1').catch((error: unknown) => lose(next, error));
        }, pingIntervalMs);
        pingTimer.unref();
      })
      .catch((error: unknown) => lose(next, error));
  };

  connect();

  return {
    get listening() {
      return listening;
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      clearInterval(pingTimer);
      const current = client;
      client = undefined;
      listening = false;
      await current?.end().catch(() => {});
    },
  };
}
