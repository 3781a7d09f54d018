/**
 * German labels of the catalogue's spec keys. API consumers get them with each spec; the SPA
 * has its own translations keyed the same way.
 */
const labels: Record<string, string> = {
  location: 'Standort',
  heightUnits: 'Höheneinheiten',
  power: 'Strom',
  powerFeeds: 'Stromzuführung',
  vcpu: 'vCPU',
  ramGb: 'Arbeitsspeicher (GB)',
  storageGb: 'Speicher (GB)',
  bandwidth: 'Bandbreite',
  connector: 'Anschluss',
  ipv4Prefix: 'IPv4-Präfix',
  addresses: 'Adressen',
  operatingSystem: 'Betriebssystem',
  retentionDays: 'Aufbewahrung (Tage)',
};

export function specLabel(key: string): string {
  return labels[key] ?? key;
}
