/**
 * Loaded into the API process by `bench:staff` (`--import`): appends every statement the process
 * sends through `pg` — text and parameters, as the repositories built them — to the file in
 * BENCH_SQL_LOG, one JSON object a line. The benchmark then runs `EXPLAIN (ANALYZE, BUFFERS)` on
 * exactly those statements. Never loaded by the application itself.
 */
import { appendFileSync } from 'node:fs';
import pg from 'pg';

const file = process.env.BENCH_SQL_LOG;
if (file) {
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function capture(config, values, callback) {
    const text = typeof config === 'string' ? config : config?.text;
    const parameters = typeof config === 'object' && config?.values ? config.values : values;
    if (typeof text === 'string') {
      const serialised = Array.isArray(parameters)
        ? parameters.map((value) => (Buffer.isBuffer(value) ? `\\x${value.toString('hex')}` : value))
        : [];
      appendFileSync(file, `${JSON.stringify({ text, values: serialised })}\n`);
    }
    return query.call(this, config, values, callback);
  };
}
