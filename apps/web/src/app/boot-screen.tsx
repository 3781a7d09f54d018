/**
 * The first paint while the page's modules load. index.html carries the same markup inside
 * #root, so the browser paints it before any JavaScript runs and React takes over seamlessly.
 * The mark (public/favicon.svg) is inline: as an <img> it waited for a connection behind the
 * page's preloaded modules, and the first contentful paint with it (#19).
 */
export function BootScreen() {
  return (
    <div className="boot" aria-hidden="true">
      <svg viewBox="0 0 32 32" width="48" height="48" aria-hidden="true">
        <rect width="32" height="32" rx="6" fill="#0b6e4f" />
        <path d="M8 20c3-8 13-8 16 0" stroke="#fff" strokeWidth="3" fill="none" strokeLinecap="round" />
      </svg>
      <span className="spinner" />
    </div>
  );
}
