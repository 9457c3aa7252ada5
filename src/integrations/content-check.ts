import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse as parseYamlText } from 'yaml';
import { contentDir } from '../lib/files/content-dir';
import { checkPosts, formatReport } from '../lib/content-check';
import { checkMessengerFiles } from '../lib/messenger-check';
import { readFiles, readPostFiles } from '../lib/files/read-posts';
import { findPlaceholders, parseGuildConfig } from '../lib/config/schema';
import { messengerSchema, sourcesSchema } from '../lib/messengers/schema';
import { buildMessenger, staleFacts } from '../lib/messengers/model';
import { formatDate } from '../lib/posts/format';
import guildConfig from '../guild.config';

/**
 * Runs before Astro reads the content: a broken post or messenger file stops the build with
 * every problem listed as file:line – field – problem – fix; the config is validated with its keys
 * named; placeholders and facts older than 12 months are reported as warnings.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'innungswissen:content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        const guild = parseGuildConfig(guildConfig);
        const root = fileURLToPath(config.root);
        const content = resolve(root, contentDir());
        const sourcesPath = join(content, 'sources.yaml');
        const messengerFiles = existsSync(join(content, 'messengers')) ? readFiles(join(content, 'messengers'), root, /\.ya?ml$/) : [];
        const sourcesFile = { file: relative(root, sourcesPath), source: existsSync(sourcesPath) ? readFileSync(sourcesPath, 'utf8') : '{}' };
        const problems = [
          ...checkPosts(readPostFiles(join(content, 'posts'), root)),
          ...checkMessengerFiles(messengerFiles, sourcesFile),
        ];
        if (problems.length > 0) {
          const report = formatReport(problems);
          if (command === 'build') throw new Error(report);
          logger.error(report);
          return;
        }
        if (command !== 'build') return;
        const placeholders = findPlaceholders(guild);
        if (placeholders.length > 0) {
          logger.warn(`Noch ${placeholders.length} Platzhalter in src/guild.config.ts – vor dem Livegang ersetzen: ${placeholders.join(', ')}`);
        }
        const sources = sourcesSchema.parse(parseYamlText(sourcesFile.source));
        const messengers = messengerFiles.map((f) =>
          buildMessenger(f.file.split('/').pop()!.replace(/\.ya?ml$/, ''), messengerSchema.parse(parseYamlText(f.source)), sources),
        );
        const stale = staleFacts(messengers, new Date());
        if (stale.length > 0) {
          const list = stale.map((s) => `${s.id}.${s.criterion} (${formatDate(s.checked)})`).join(', ');
          logger.warn(`${stale.length} Fakten im Messenger-Vergleich sind älter als 12 Monate – bitte prüfen: ${list}`);
        }
      },
    },
  };
}
