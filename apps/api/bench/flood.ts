/**
 * A flood of failed sign-ins, from a process of its own (an attacker is not in the measuring
 * client's event loop): `node --import tsx bench/flood.ts <port> <seconds> [rate]`. Each attempt
 * names another e-mail, so none meets the per-account limit. With a rate (attempts per second,
 * open loop) the flood keeps that pace whatever the answers, as far as its 50 connections allow;
 * without one, the 50 connections send as fast as they are answered. Prints one line of JSON.
 *
 * On this machine the flood's client shares the cores with the API it measures, where an
 * attacker's would not: it writes HTTP/1.1 on raw keep-alive sockets and reads only each answer's
 * status and length: ≈ 80 µs of CPU an attempt on the machine of docs/benchmarks.md, where
 * autocannon with a body built per request took two to three times that. What the benchmark takes
 * from the API's share of the cores is then more the flood's cost to the API, less its client's.
 */
import net from 'node:net';

const CONNECTIONS = 50;
const [port = 0, seconds = 0, rate = 0] = process.argv.slice(2).map(Number);

let counter = 0;
const attempt = () => {
  const body = `{"email":"flood-${process.pid}-${counter++}@example.com","password":"not the password"}`;
  return `POST /api/v1/auth/login HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`;
};

let total = 0;
let non2xx = 0;
let stopped = false;
const idle: Connection[] = [];

interface Connection {
  send(): void;
}

/** One keep-alive connection: one attempt at a time, the next once its answer is read in full. */
function connect(): Promise<Connection> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    socket.setEncoding('latin1');
    let received = '';
    const connection: Connection = { send: () => socket.write(attempt(), 'latin1') };
    socket.on('data', (chunk: string) => {
      received += chunk;
      for (;;) {
        const headEnd = received.indexOf('\r\n\r\n');
        if (headEnd < 0) return;
        const head = received.slice(0, headEnd);
        const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
        if (length === undefined) throw new Error(`an answer without Content-Length: ${head}`);
        const end = headEnd + 4 + Number(length);
        if (received.length < end) return;
        received = received.slice(end);
        total++;
        if (head[9] !== '2') non2xx++;
        if (stopped) continue;
        if (rate) idle.push(connection);
        else connection.send();
      }
    });
    socket.once('connect', () => resolve(connection));
    socket.once('error', reject);
  });
}

const connections = await Promise.all(Array.from({ length: CONNECTIONS }, connect));
const startedAt = performance.now();
const cpuAtStart = process.cpuUsage();
if (rate) {
  // Open loop: every 5 ms, what the pace owes so far, on the connections that are free.
  idle.push(...connections);
  let sent = 0;
  const pace = setInterval(() => {
    const owed = Math.floor(((performance.now() - startedAt) / 1000) * rate) - sent;
    for (let index = 0; index < owed; index++) {
      const connection = idle.pop();
      if (!connection) break;
      connection.send();
      sent++;
    }
  }, 5);
  setTimeout(() => clearInterval(pace), seconds * 1000);
} else {
  for (const connection of connections) connection.send();
}
await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
stopped = true;
const elapsed = (performance.now() - startedAt) / 1000;
// The flood's own CPU while it ran (not its start): it shares the cores with the API and the
// measuring client.
const { user, system } = process.cpuUsage(cpuAtStart);
const cpuMsPerSecond = Math.round((user + system) / 1000 / elapsed);
process.stdout.write(`${JSON.stringify({ average: total / elapsed, non2xx, total, cpuMsPerSecond })}\n`);
process.exit(0);
