/** The ceiling: a bare Fastify route, no plugins, no database. Started by bench/run.ts. */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port: Number(process.argv[2] ?? 4195) });
console.log('listening');
