import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cspMetaFirst } from '../../src/lib/csp-meta-first.ts';
import { islandScriptsToHead } from '../../src/lib/island-scripts-to-head.ts';
import { islandStyleToHead } from '../../src/lib/island-style-to-head.ts';
import { headersFile, SECURITY_HEADERS } from '../../src/lib/security-headers.ts';

const POLICY = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-abc='">`;

describe('cspMetaFirst', () => {
  it('moves the policy from the end of <head> to directly after the charset', () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>T</title><script>theme()</script>${POLICY}<link rel="stylesheet" href="/a.css"></head><body></body></html>`;
    assert.equal(
      cspMetaFirst(html),
      `<!DOCTYPE html><html><head><meta charset="utf-8">${POLICY}<title>T</title><script>theme()</script><link rel="stylesheet" href="/a.css"></head><body></body></html>`,
    );
  });

  it('leaves a page without a policy or without a charset as it is', () => {
    const noPolicy = '<html><head><meta charset="utf-8"><title>T</title></head></html>';
    const noCharset = `<html><head><title>T</title>${POLICY}</head></html>`;
    assert.equal(cspMetaFirst(noPolicy), noPolicy);
    assert.equal(cspMetaFirst(noCharset), noCharset);
  });

  it('is idempotent', () => {
    const html = `<html><head><meta charset="utf-8"><script>x()</script>${POLICY}</head></html>`;
    assert.equal(cspMetaFirst(cspMetaFirst(html)), cspMetaFirst(html));
  });
});

describe('islandStyleToHead', () => {
  const style = '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>';

  it('moves the island rule from the body to the end of <head>', () => {
    const html = `<html><head><title>T</title></head><body><main>${style}<astro-island></astro-island></main></body></html>`;
    assert.equal(islandStyleToHead(html), `<html><head><title>T</title>${style}</head><body><main><astro-island></astro-island></main></body></html>`);
  });

  it('leaves pages without islands, or with the rule already in <head>, as they are', () => {
    const plain = '<html><head></head><body><p>No islands</p></body></html>';
    const done = `<html><head>${style}</head><body></body></html>`;
    assert.equal(islandStyleToHead(plain), plain);
    assert.equal(islandStyleToHead(done), done);
  });
});

describe('islandScriptsToHead', () => {
  const directive = '<script>(()=>{var e=async t=>{await(await t())()};(self.Astro||(self.Astro={})).load=e;window.dispatchEvent(new Event("astro:load"));})();</script>';
  const island = '<script>(()=>{class y extends HTMLElement{}customElements.get("astro-island")||customElements.define("astro-island",y)})();</script>';
  const theme = '<script>theme()</script>';
  const module = '<script type="module" src="/_astro/site.js"></script>';

  it('moves the directive and island scripts from the body to before the first stylesheet, in order', () => {
    const html = `<html><head>${theme}<link rel="stylesheet" href="/a.css"><link rel="stylesheet" href="/b.css"></head><body><main><p>x</p>${directive}${island}<astro-island></astro-island><script>other()</script></main>${module}</body></html>`;
    assert.equal(
      islandScriptsToHead(html),
      `<html><head>${theme}${directive}${island}<link rel="stylesheet" href="/a.css"><link rel="stylesheet" href="/b.css"></head><body><main><p>x</p><astro-island></astro-island><script>other()</script></main>${module}</body></html>`,
    );
  });

  it('puts them at the end of <head> when the page has no stylesheet', () => {
    const html = `<html><head><title>T</title></head><body>${directive}<astro-island></astro-island></body></html>`;
    assert.equal(islandScriptsToHead(html), `<html><head><title>T</title>${directive}</head><body><astro-island></astro-island></body></html>`);
  });

  it('leaves pages without islands as they are, and is idempotent', () => {
    const plain = `<html><head>${theme}<link rel="stylesheet" href="/a.css"></head><body><p>No islands</p>${module}</body></html>`;
    assert.equal(islandScriptsToHead(plain), plain);
    const html = `<html><head><link rel="stylesheet" href="/a.css"></head><body>${directive}${island}<astro-island></astro-island></body></html>`;
    assert.equal(islandScriptsToHead(islandScriptsToHead(html)), islandScriptsToHead(html));
  });
});

describe('security headers', () => {
  it('refuse framing, referrers and powerful features except full screen and copying', () => {
    assert.equal(SECURITY_HEADERS['Referrer-Policy'], 'no-referrer');
    assert.equal(SECURITY_HEADERS['Content-Security-Policy'], "frame-ancestors 'none'");
    const permissions = SECURITY_HEADERS['Permissions-Policy']!.split(', ');
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) assert.ok(permissions.includes(`${feature}=()`), feature);
    assert.ok(permissions.includes('fullscreen=(self)'));
    assert.ok(permissions.includes('clipboard-write=(self)'));
  });

  it('are written as a _headers rule for every path under the base', () => {
    const file = headersFile('/interop-workbook/');
    const [rule, ...lines] = file.trimEnd().split('\n');
    assert.equal(rule, '/interop-workbook/*');
    assert.equal(lines.length, Object.keys(SECURITY_HEADERS).length);
    for (const line of lines) assert.match(line, /^ {2}[A-Za-z-]+: \S/);
  });
});
