import type { TLegalInline, TLegalText } from '@portal/contracts';

/** Runs of text: React escapes them, and links are only those the API let through (https, http, mailto). */
function Inline({ spans }: { spans: TLegalInline[] }) {
  return (
    <>
      {spans.map((span, index) => {
        const key = `${index}-${span.text.slice(0, 12)}`;
        if (span.href) {
          const external = /^https?:/i.test(span.href);
          return (
            <a key={key} href={span.href} {...(external ? { rel: 'noopener noreferrer' } : {})}>
              {span.text}
            </a>
          );
        }
        return span.strong ? <strong key={key}>{span.text}</strong> : <span key={key}>{span.text}</span>;
      })}
    </>
  );
}

/** A legal text from the API as headings, paragraphs (line breaks kept) and lists. */
export function LegalDocument({ text }: { text: TLegalText }) {
  return (
    <article className="legal-document">
      <h1>{text.title}</h1>
      {text.blocks.map((block, index) => {
        const key = `${block.type}-${index}`;
        if (block.type === 'heading')
          return block.level === 2 ? <h2 key={key}>{block.text}</h2> : <h3 key={key}>{block.text}</h3>;
        if (block.type === 'paragraph') {
          return (
            <p key={key}>
              <Inline spans={block.content} />
            </p>
          );
        }
        const items = block.items.map((item, itemIndex) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a static text's items never move
          <li key={itemIndex}>
            <Inline spans={item} />
          </li>
        ));
        return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
      })}
    </article>
  );
}
