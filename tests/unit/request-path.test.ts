import { describe, expect, it } from 'vitest';
import { parseTarget } from '../../server/request-path';
import { isStaticFilePath } from '../../server/security-headers';

describe('the request path, decoded and normalised once', () => {
  it.each([
    ['/%72edaktion/', '/redaktion/', '/redaktion/'],
    ['/x/../redaktion/', '/redaktion/', '/redaktion/'],
    ['/x/..', '/', '/'],
    ['/./redaktion/./anmelden/?a=1', '/redaktion/anmelden/', '/redaktion/anmelden/?a=1'],
    ['/redaktion//anmelden', '/redaktion/anmelden', '/redaktion/anmelden'],
    ['/beitraege/%C3%BCber/', '/beitraege/über/', '/beitraege/%C3%BCber/'],
    ['/a%3Fb', '/a?b', '/a%3Fb'],
    ['/?q=%zz', '/', '/?q=%zz'],
  ])('%s is %s', (target, path, url) => {
    expect(parseTarget(target)).toEqual({ ok: true, path, url });
  });

  it.each([
    '/%zz',
    '/%00',
    '/a%2fb',
    '/a%2F..%2Fredaktion/',
    '/a%5c..',
    '/..',
    '/x/../../etc/passwd',
    '/%2572edaktion/',
    '/a\\b',
    '//evil.example/',
    'http://x/',
    '/a%0d%0aSet-Cookie:x',
  ])('%s is refused', (target) => {
    expect(parseTarget(target).ok).toBe(false);
  });
});

describe('static files are told apart from pages', () => {
  it.each([
    ['/logo.svg', true],
    ['/_astro/app.123.js', true],
    ['/pagefind/pagefind.js', true],
    ['/', false],
    ['/beitraege/x/', false],
    ['/404.html', false],
    ['/beitraege/x', false],
  ])('%s → %s', (path, file) => expect(isStaticFilePath(path)).toBe(file));
});
