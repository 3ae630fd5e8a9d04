/**
 * Response headers for hosts that let a static site set them (Netlify and Cloudflare Pages
 * read `_headers`; `astro dev` and `astro preview` send them too, so the browser tests run
 * under them). The per-page content security policy stays in each page's <meta>, where
 * Astro puts the hashes of that page's inline scripts; these add what a <meta> cannot carry.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // Only the presenter timer's full-screen view and the copy buttons use powerful features.
  'Permissions-Policy': [
    'accelerometer=()',
    'autoplay=()',
    'camera=()',
    'display-capture=()',
    'geolocation=()',
    'gyroscope=()',
    'magnetometer=()',
    'microphone=()',
    'midi=()',
    'payment=()',
    'usb=()',
    'fullscreen=(self)',
    'clipboard-write=(self)',
  ].join(', '),
  // A brief may hold health data: following a link must not tell another site which page it came from.
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  // frame-ancestors is ignored in a <meta> policy, so framing is refused here.
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The `_headers` file (Netlify, Cloudflare Pages) applying the headers to every path under the base. */
export function headersFile(base: string): string {
  const lines = Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
  return `${base}*\n${lines.join('\n')}\n`;
}
