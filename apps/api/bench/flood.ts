/**
 * A flood of failed sign-ins, from a process of its own (an attacker is not in the measuring
 * client's event loop): `node --import tsx bench/flood.ts <port> <seconds> [rate]`. Each attempt
 * names another e-mail, so none meets the per-account limit. With a rate (attempts per second,
 * open loop) the flood keeps that pace whatever the answers; without one, 50 connections send as
 * fast as they are answered. Prints autocannon's result as one line of JSON.
 */
import autocannon from 'autocannon';

const [port, seconds, rate] = process.argv.slice(2).map(Number);
let counter = 0;
const result = await autocannon({
  url: `http://127.0.0.1:${port}`,
  connections: 50,
  duration: seconds,
  ...(rate ? { overallRate: rate } : {}),
  requests: [
    {
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => ({
        ...request,
        body: JSON.stringify({ email: `flood-${process.pid}-${counter++}@example.com`, password: 'not the password' }),
      }),
    },
  ],
});
// The flood's own CPU: on this machine it shares the cores with the API and the measuring client.
const { user, system } = process.cpuUsage();
process.stdout.write(
  `${JSON.stringify({ average: result.requests.average, non2xx: result.non2xx, total: result.requests.total, cpuMs: Math.round((user + system) / 1000) })}\n`,
);
