/**
 * Editors per site (issue 26), the store's side: accounts belong to sites, a session and a publish belong to the
 * site they were made on, and an installation from before sites keeps its accounts (the single guild). The server
 * side (every route, every host) is tests/server/many-sites-editors.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { EditorStore } from '../../server/editor/store';
import { newSiteFromForm, newSiteProblems } from '@/lib/sites/new-site';
import { de } from '@/i18n/de';

describe('accounts per site', () => {
  it('an account works on its own sites only; a verwaltung account on every site', () => {
    const store = new EditorStore(':memory:');
    store.setAccount('Anna', 'scrypt$x');
    store.setSites('Anna', ['nord']);
    store.setAccount('Vera', 'scrypt$x');
    store.setRole('Vera', 'verwaltung');
    store.setSites('Vera', []);
    expect(store.forSite('nord').mayWorkOn('Anna')).toBe(true);
    expect(store.forSite('sued').mayWorkOn('Anna')).toBe(false);
    expect(store.forSite('sued').mayWorkOn('Vera')).toBe(true);
    expect(store.forSite('sued').mayWorkOn('Niemand')).toBe(false);
    expect(store.accounts().map((a) => [a.name, a.role, a.sites])).toEqual([
      ['Anna', 'redaktion', ['nord']],
      ['Vera', 'verwaltung', []],
    ]);
  });

  it("a session is valid on the site it was made on only, and names that site elsewhere; a publish is its site's", () => {
    const store = new EditorStore(':memory:');
    store.setAccount('Anna', 'scrypt$x');
    store.setSites('Anna', ['nord', 'sued']);
    const nord = store.forSite('nord');
    const sued = store.forSite('sued');
    const id = nord.createSession('Anna');
    expect(nord.touchSession(id)).toBe('Anna');
    expect(sued.touchSession(id)).toBeUndefined();
    expect(sued.sessionSite(id)).toBe('nord');
    expect(nord.sessionSite(id)).toBeUndefined();
    sued.endSession(id);
    expect(nord.touchSession(id)).toBe('Anna');

    const publish = nord.addPublish('publish', 'Anna', 1, undefined, { token: 't' });
    expect(nord.awaitingApproval().map((p) => p.id)).toEqual([publish]);
    expect(sued.awaitingApproval()).toEqual([]);
    expect(sued.approve(publish, 'Bert')).toBe(false);
    expect(sued.recent(10)).toEqual([]);
    expect(nord.recent(10)).toHaveLength(1);

    // Leaving a site ends the account's sessions there.
    store.setSites('Anna', ['sued']);
    expect(nord.touchSession(id)).toBeUndefined();
  });

  it('an installation from before sites keeps its accounts and sessions: they belong to the single guild', () => {
    const dir = mkdtempSync(join(tmpdir(), 'redaktion-db-'));
    try {
      const path = join(dir, 'redaktion.db');
      const old = new EditorStore(path);
      old.setAccount('Anna', 'scrypt$x');
      const id = old.createSession('Anna');
      old.close();
      // Back to schema 3 (before sites), as a database of an older version is.
      const raw = new Database(path);
      raw.exec(`DROP TABLE account_sites; DROP INDEX publishes_site;
        ALTER TABLE accounts DROP COLUMN role; ALTER TABLE sessions DROP COLUMN site; ALTER TABLE publishes DROP COLUMN site;`);
      raw.pragma('user_version = 3');
      raw.close();
      const store = new EditorStore(path);
      expect(store.sitesOf('Anna')).toEqual(['']);
      expect(store.role('Anna')).toBe('redaktion');
      expect(store.mayWorkOn('Anna')).toBe(true);
      expect(store.touchSession(id)).toBe('Anna');
      store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a new site from the browser form', () => {
  it('is checked like `npm run sites -- anlegen`: kennung, address, name, none taken, each reason in German', () => {
    const taken = [{ kennung: 'nord', host: 'nord.innung.test' }];
    const form = new URLSearchParams({ kennung: ' ost ', adresse: 'https://Ost.Innung.Test/', name: 'Innung Ost' });
    expect(newSiteFromForm(form)).toMatchObject({ kennung: 'ost', host: 'ost.innung.test', name: 'Innung Ost' });
    expect(newSiteProblems(newSiteFromForm(form), taken)).toEqual([]);
    expect(newSiteProblems({ kennung: 'nord', host: 'nord.innung.test', name: '' }, taken)).toEqual([
      'Eine Innung mit der Kennung „nord“ gibt es schon (sites/nord).',
      'Die Adresse „nord.innung.test“ gehört schon zur Innung „nord“.',
      de.siteEditors.siteNameMissing,
    ]);
    expect(newSiteProblems({ kennung: 'Ost Innung', host: 'ost innung', name: 'x' }, taken)).toHaveLength(2);
  });
});
