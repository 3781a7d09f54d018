import type { TLegalBlock, TLegalInline, TLegalText } from '@portal/contracts';

/**
 * A small Markdown reader for legal texts: headings, paragraphs (line breaks kept), bullet and
 * numbered lists, **bold**, [links](https://…) and <https://…>. Its output is data, never HTML:
 * raw HTML stays visible text, and a link that is not https, http or mailto stays its text.
 * The provider's privacy file and the built-in templates go through the same reader.
 */

const SAFE_LINK = /^(https?:\/\/[^\s]+|mailto:[^\s@]+@[^\s]+)$/i;
const INLINE =
  /\\([\\`*_{}[\]()#+\-.!<>|])|\*\*(.+?)\*\*|__(.+?)__|\[([^\]\n]*)\]\(([^()\s]*)\)|<((?:https?:\/\/|mailto:)[^>\s]+)>/g;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^\s{0,3}(?:([-*+])|(\d{1,9})[.)])\s+(.*)$/;

/** Backslash-escapes a value (configuration, names) for use inside a Markdown template. */
export function escapeMarkdown(value: string): string {
  return value.replace(/\s*\n\s*/g, ' ').replace(/[\\`*_{}[\]()#+\-.!<>|]/g, (char) => `\\${char}`);
}

function pushText(out: TLegalInline[], text: string) {
  if (!text) return;
  const last = out.at(-1);
  if (last && !last.strong && !last.href) last.text += text;
  else out.push({ text });
}

/** Unescapes backslash escapes in a span that is taken literally (link text, bold text). */
function plain(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!<>|])/g, '$1');
}

export function parseInline(source: string): TLegalInline[] {
  const out: TLegalInline[] = [];
  let index = 0;
  for (const match of source.matchAll(INLINE)) {
    pushText(out, source.slice(index, match.index));
    index = match.index + match[0].length;
    const [, escaped, bold, boldUnderscore, linkText, linkTarget, autolink] = match;
    if (escaped !== undefined) pushText(out, escaped);
    else if (bold !== undefined || boldUnderscore !== undefined) {
      out.push({ text: plain(bold ?? boldUnderscore ?? ''), strong: true });
    } else if (linkText !== undefined) {
      const text = plain(linkText) || (linkTarget ?? '');
      if (linkTarget && SAFE_LINK.test(linkTarget)) out.push({ text, href: linkTarget });
      else pushText(out, text);
    } else if (autolink !== undefined) {
      if (SAFE_LINK.test(autolink)) out.push({ text: autolink.replace(/^mailto:/i, ''), href: autolink });
      else pushText(out, autolink);
    }
  }
  pushText(out, source.slice(index));
  return out;
}

type Draft = { kind: 'paragraph'; lines: string[] } | { kind: 'list'; ordered: boolean; items: string[][] };

function toBlock(draft: Draft): TLegalBlock {
  return draft.kind === 'paragraph'
    ? { type: 'paragraph', content: parseInline(draft.lines.join('\n')) }
    : { type: 'list', ordered: draft.ordered, items: draft.items.map((lines) => parseInline(lines.join(' '))) };
}

/**
 * Reads a Markdown document. The first level-1 heading is the title (else `fallbackTitle`);
 * further headings become level 2 (`#`, `##`) or 3 (`###` and deeper).
 */
export function parseMarkdown(source: string, fallbackTitle: string): TLegalText {
  const blocks: TLegalBlock[] = [];
  let title: string | null = null;
  let draft: Draft | null = null;
  const flush = (): null => {
    if (draft) blocks.push(toBlock(draft));
    return null;
  };

  for (const rawLine of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trim();
    if (line === '') {
      draft = flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      draft = flush();
      const level = heading[1]?.length ?? 1;
      const text = plain(heading[2] ?? '');
      if (level === 1 && title === null) title = text;
      else blocks.push({ type: 'heading', level: level >= 3 ? 3 : 2, text });
      continue;
    }
    const item = LIST_ITEM.exec(rawLine);
    if (item) {
      const ordered = item[2] !== undefined;
      if (draft?.kind !== 'list' || draft.ordered !== ordered) {
        draft = flush();
        draft = { kind: 'list', ordered, items: [] };
      }
      draft.items.push([(item[3] ?? '').trim()]);
    } else if (draft?.kind === 'list' && /^\s/.test(rawLine)) {
      // An indented line continues the list item above it.
      draft.items.at(-1)?.push(line);
    } else if (draft?.kind === 'paragraph') {
      draft.lines.push(line);
    } else {
      draft = flush();
      draft = { kind: 'paragraph', lines: [line] };
    }
  }
  flush();
  return { title: title ?? fallbackTitle, blocks };
}
