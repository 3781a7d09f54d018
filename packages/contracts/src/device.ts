/**
 * Browser and system of a user agent, for people ("Firefox" and "Windows"); the API words it in
 * English for API consumers, the SPA in the UI language. Order matters: Edge and Opera claim to
 * be Chrome, Chrome claims to be Safari. Unknown agents (scripts) show their first token.
 */
const browsers: Array<[RegExp, string]> = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Version\/[\d.]+.*Safari\//, 'Safari'],
];

const systems: Array<[RegExp, string]> = [
  [/Windows/, 'Windows'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** Null for a missing or empty user agent. */
export function deviceOf(userAgent: string | null | undefined): { client: string; system: string | null } | null {
  if (!userAgent?.trim()) return null;
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
  const client = browser ?? userAgent.trim().split(/\s+/)[0]?.slice(0, 60) ?? 'Unknown';
  return { client, system };
}
