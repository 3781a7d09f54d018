/**
 * The first paint while the page's modules load. index.html carries the same markup inside
 * #root, so the browser paints it before any JavaScript runs and React takes over seamlessly.
 */
export function BootScreen() {
  return (
    <div className="boot" aria-hidden="true">
      <img src="/favicon.svg" alt="" width="48" height="48" />
      <span className="spinner" />
    </div>
  );
}
