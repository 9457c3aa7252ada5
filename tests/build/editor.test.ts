import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { TEST_CLIENT } from '../helpers/paths';

const page = () => parse(readFileSync(join(TEST_CLIENT, 'beitraege/bausteine-test/index.html'), 'utf8'));

describe('building blocks render as plain, accessible HTML', () => {
  it('Hinweis and Warnung are labelled boxes', () => {
    const html = page();
    const hint = html.querySelector('aside[data-block="hinweis"]')!;
    expect(hint.getAttribute('aria-label')).toBe('Testhinweis');
    expect(hint.text).toContain('Inhalt des Hinweises.');
    expect(html.querySelector('aside[data-block="warnung"]')?.text).toContain('Inhalt der Warnung.');
  });

  it('Checkliste renders its list', () => {
    const items = page()
      .querySelectorAll('[data-block="checkliste"] li')
      .map((li) => li.text.trim());
    expect(items).toEqual(['erster Prüfpunkt', 'zweiter Prüfpunkt']);
  });

  it('Quelle links inline and appears in the sources list with its date', () => {
    const html = page();
    expect(html.querySelector('[data-block="quelle"] a')?.getAttribute('href')).toBe('https://example.org/inline-quelle');
    const listed = html.querySelector('[data-sources] a[href="https://example.org/inline-quelle"]')!;
    expect(listed.parentNode.text).toContain('4. März 2025');
    const anchor = html.querySelector('[data-block="quelle"] a[href^="#quelle-"]')!.getAttribute('href')!;
    expect(html.querySelector(anchor)).not.toBeNull();
  });

  it('MessengerComparison renders the table for the chosen messengers', () => {
    expect(
      page()
        .querySelectorAll('[data-block="messenger-comparison"] tbody tr')
        .map((r) => r.getAttribute('data-messenger')),
    ).toEqual(['signal', 'wire']);
  });

  it('FacebookHinweis links the guild page', () => {
    expect(page().querySelector('#facebook-hinweis')?.parentNode.querySelector('a[data-facebook-link]')).not.toBeNull();
  });

  it('images next to the post go through the image pipeline: modern format, sizes, width and height', () => {
    const images = page().querySelectorAll('main img');
    expect(images.length).toBeGreaterThanOrEqual(2);
    for (const img of images.filter((i) => i.getAttribute('src')?.startsWith('/_astro/'))) {
      expect(img.getAttribute('src')).toMatch(/\.webp$/);
      expect(Number(img.getAttribute('width'))).toBeGreaterThan(0);
      expect(Number(img.getAttribute('height'))).toBeGreaterThan(0);
      expect(img.getAttribute('alt')?.length).toBeGreaterThan(5);
    }
    const cover = images.find((i) => i.getAttribute('alt')?.startsWith('Ein blaues Rechteck'))!;
    expect(cover.getAttribute('srcset')).toMatch(/400w.*800w.*1200w/);
    const file = join(TEST_CLIENT, cover.getAttribute('src')!);
    expect(existsSync(file)).toBe(true);
  });

  it('no draft banner in a production build', () => {
    for (const dir of readdirSync(join(TEST_CLIENT, 'beitraege'))) {
      const file = join(TEST_CLIENT, 'beitraege', dir, 'index.html');
      if (existsSync(file)) expect(readFileSync(file, 'utf8')).not.toContain('data-draft-banner');
    }
  });
});
