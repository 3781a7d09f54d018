import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const srcDir = path.resolve(__dirname, '..');

function messageModules(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return messageModules(full);
    return entry.endsWith('messages.ts') ? [full] : [];
  });
}

describe('translations', () => {
  const modules = messageModules(srcDir);

  it('are found in every feature', () => {
    expect(modules.length).toBeGreaterThanOrEqual(3);
  });

  it.each(modules.map((file) => [path.relative(srcDir, file), file]))(
    '%s has the same keys, all non-empty, in German and English',
    async (_name, file) => {
      const module = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const sets = Object.values(module).filter(
        (value): value is { de: Record<string, unknown>; en: Record<string, unknown> } =>
          typeof value === 'object' && value !== null && 'de' in value && 'en' in value,
      );
      expect(sets.length).toBeGreaterThan(0);
      for (const { de, en } of sets) {
        expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
        for (const key of Object.keys(de)) {
          for (const value of [de[key], en[key]]) {
            expect(typeof value === 'function' || (typeof value === 'string' && value.trim() !== '')).toBe(true);
          }
        }
      }
      expect(readFileSync(file, 'utf8')).toContain('defineMessages');
    },
  );
});
