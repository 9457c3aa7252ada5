/**
 * Publishing from the editor, measured against a plain `npm run build` of the same content in the
 * same run: latency from the publish request until the new article answers 200 (budget ≤ 1.15×
 * the plain build), and reader GET throughput while a publish builds (budget ≥ 0.5× idle).
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { EditorStore } from '../../server/editor/store';
import { editorDbPath } from '@/lib/config/data-paths';
import { hashPassword } from '../../server/editor/passwords';
import { childEnv } from '../child-env';
import { generateContent } from './generate';
import { run } from './measure';
import { ROOT, SMOKE, WORK } from './context';
import { add } from './report';
import { startServer } from '../../tests/helpers/server';

const NEW_POST = (n: number) => `---
title: Neuer Beitrag aus der Redaktion ${n}
description: Ein Beitrag, der im Benchmark über den Knopf Veröffentlichen auf die Seite kommt.
pubDate: 2026-11-02
category: Betrieb
tags: [betrieb]
draft: false
---

Ein Absatz, der veröffentlicht wird.
`;

async function readerThroughput(url: string, seconds: number): Promise<number> {
  const result = await autocannon({ url, connections: 10, duration: seconds, headers: { 'Accept-Encoding': 'gzip' } });
  return result.requests.average;
}

/** Writes post n, presses "Veröffentlichen" and waits until the post answers 200; seconds from the click. */
async function publishAndWait(url: string, cookie: string, content: string, n: number): Promise<number> {
  writeFileSync(join(content, 'posts', `neu-aus-der-redaktion-${n}.mdx`), NEW_POST(n));
  const started = Date.now();
  const response = await fetch(`${url}/api/redaktion/veroeffentlichen`, { method: 'POST', headers: { Cookie: cookie, Origin: url } });
  if (response.status !== 202) throw new Error(`Veröffentlichen antwortete ${response.status}`);
  while ((await fetch(`${url}/beitraege/neu-aus-der-redaktion-${n}/`)).status !== 200) {
    if (Date.now() - started > 15 * 60_000) throw new Error('Veröffentlichung nicht fertig nach 15 Minuten');
    await new Promise((r) => setTimeout(r, 50));
  }
  return (Date.now() - started) / 1000;
}

export async function publishBench(): Promise<void> {
  const [root, work, smoke] = [ROOT, WORK, SMOKE];
  const sets: Array<[string, (dir: string) => void]> = [
    ['echte Inhalte', (dir) => cpSync(join(root, 'content'), dir, { recursive: true })],
    [`${smoke ? 100 : 1000} Beiträge`, (dir) => generateContent(root, dir, smoke ? 100 : 1000)],
  ];
  for (const [label, fill] of sets) {
    const base = join(work, `publish-${label.replace(/\W+/g, '-')}`);
    rmSync(base, { recursive: true, force: true });
    const content = join(base, 'content');
    mkdirSync(base, { recursive: true });
    fill(content);
    const env = childEnv({ INNUNGSWISSEN_CONTENT_DIR: content });
    // Warm-up build (the site the server starts on), then the plain build that is the baseline.
    const served = join(base, 'served');
    const warm = await run(process.execPath, [join(root, 'scripts/build.mjs'), '--outDir', served], { cwd: root, env });
    if (warm.status !== 0) throw new Error(`Build fehlgeschlagen:\n${warm.output.slice(-2000)}`);
    const plain = await run(process.execPath, [join(root, 'scripts/build.mjs'), '--outDir', join(base, 'plain')], { cwd: root, env });
    if (plain.status !== 0) throw new Error(`Build fehlgeschlagen:\n${plain.output.slice(-2000)}`);
    rmSync(join(base, 'plain'), { recursive: true, force: true });

    const dataDir = join(base, 'data');
    const store = new EditorStore(editorDbPath(dataDir));
    store.setAccount('Bench', await hashPassword('bench-passwort-123'));
    store.close();
    const server = await startServer({ DATA_DIR: dataDir, BUILDS_DIR: join(base, 'builds'), INNUNGSWISSEN_CONTENT_DIR: content, COMMENTS_DB: join(dataDir, 'c.db'), EDITOR_SCHEDULE: '0' }, served);
    const url = server.url;
    try {
      const login = await fetch(`${url}/redaktion/anmelden/`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: url },
        body: new URLSearchParams({ name: 'Bench', passwort: 'bench-passwort-123' }),
      });
      const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
      // Latency: a publish with nothing else running, as an editor's click on a quiet server. (Reader
      // load during the same build would slow it down on purpose: the build runs at low priority.)
      const latency = await publishAndWait(url, cookie, content, 1);
      // Readers while a build runs: the same server idle, then during a second publish.
      const idle = await readerThroughput(`${url}/`, smoke ? 3 : 8);
      const during = publishAndWait(url, cookie, content, 2);
      const busy = await readerThroughput(`${url}/`, smoke ? 3 : 8);
      const second = await during;
      const section = `Veröffentlichen (${label})`;
      add(section, 'npm run build derselben Inhalte', `${plain.seconds.toFixed(1)} s`);
      add(section, 'Klick bis der neue Beitrag 200 antwortet', `${latency.toFixed(1)} s = ${(latency / plain.seconds).toFixed(2)}x`, '≤ 1.15x', latency / plain.seconds <= 1.15);
      add(section, 'Leser-GET / während des Builds', `${busy.toFixed(0)} req/s = ${(busy / idle).toFixed(2)}x ohne Build (${idle.toFixed(0)} req/s); dieser Build ${second.toFixed(1)} s`, '≥ 0.5x', busy / idle >= 0.5);
    } finally {
      await server.stop();
    }
    rmSync(base, { recursive: true, force: true });
  }
}
