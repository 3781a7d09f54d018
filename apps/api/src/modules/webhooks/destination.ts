import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';

/** Where webhooks never go in production (SSRF): private, loopback, link-local, CGNAT, multicast, unspecified. */
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 3],
] as const)
  blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(network, prefix, 'ipv6');

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPublicAddress(mapped);
  return !blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Whether a webhook may go to this URL: in production only https to hosts whose every address
 * is public; elsewhere anything (tests run a receiver on 127.0.0.1). Checked at registration and
 * again before each attempt (DNS may change in between).
 */
export async function destinationRefusal(url: string, production: boolean): Promise<string | undefined> {
  if (!URL.canParse(url)) return 'not a URL';
  if (!production) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') return 'only https URLs are accepted';
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host)
    ? [host]
    : (await lookup(host, { all: true }).catch(() => [])).map((entry) => entry.address);
  if (addresses.length === 0) return 'the host does not resolve';
  if (!addresses.every(isPublicAddress)) return 'the host resolves to a private, loopback or link-local address';
  return undefined;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The DNS lookup of a webhook connection: in production it refuses a host that resolves to any
 * non-public address. Checking here, at connect time, closes the window of DNS rebinding — a
 * host that answered with a public address for `destinationRefusal` and a private one a moment
 * later for the connection. (An address written in the URL is checked by `destinationRefusal`;
 * Node does no lookup for it.)
 */
export function guardedLookup(production: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as LookupAddress[];
      if (production && !list.every((entry) => isPublicAddress(entry.address))) {
        return callback(
          Object.assign(new Error(`${hostname} resolves to a non-public address`), { code: 'EBLOCKED' }),
          [],
        );
      }
      const [first] = list;
      if (options.all) return callback(null, list);
      if (!first) return callback(Object.assign(new Error(`${hostname} does not resolve`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * POSTs a webhook: no redirects followed, the answer's body discarded, `timeoutMs` for the whole
 * exchange, connections only to the addresses `guardedLookup` allows. Answers the status.
 */
export function postToDestination(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { production: boolean; timeoutMs: number },
): Promise<number> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        lookup: guardedLookup(options.production),
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
