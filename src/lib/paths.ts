/**
 * Prefix a site-absolute path ("/guide/") with the deployment base ("/interop/").
 * External links, fragments and relative paths are returned unchanged.
 */
export function withBase(base: string, path: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  const root = base.endsWith('/') ? base : `${base}/`;
  if (root === '/') return path;
  if (path === root || path.startsWith(root)) return path;
  return root + path.slice(1);
}

/** Whether a link leaves the site (http, https or protocol-relative). */
export function isExternal(href: string): boolean {
  return /^(https?:)?\/\//i.test(href);
}
