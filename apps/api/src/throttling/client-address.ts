/**
 * The client address as throttles count it: IPv4 as is, IPv6 by its /64 network — one
 * subscriber usually holds a whole /64, so counting single IPv6 addresses would give an
 * attacker 2^64 fresh keys.
 */
export function clientKey(ip: string): string {
  // Every IPv6 address has a colon and no IPv4 address has one; `net.isIPv6`'s pattern cost more
  // than the rest of the address ceiling on every request (#19).
  if (!ip.includes(':')) return ip;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  const [head = '', tail] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
