import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { contentDir } from '../lib/files/content-dir';
import { checkPosts, formatReport } from '../lib/content-check';
import { readPostFiles } from '../lib/files/read-posts';
import { findPlaceholders, parseGuildConfig } from '../lib/config/schema';
import guildConfig from '../guild.config';

/**
 * Runs before Astro reads the content: a broken post stops the build with every problem
 * listed as file:line – field – problem – fix, and the config is validated with its keys named.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'innungswissen:content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        const config_ = parseGuildConfig(guildConfig);
        const root = fileURLToPath(config.root);
        const problems = checkPosts(readPostFiles(join(resolve(root, contentDir()), 'posts'), root));
        if (problems.length > 0) {
          const report = formatReport(problems);
          if (command === 'build') throw new Error(report);
          logger.error(report);
        }
        if (command === 'build') {
          const placeholders = findPlaceholders(config_);
          if (placeholders.length > 0) {
            logger.warn(
              `Noch ${placeholders.length} Platzhalter in src/guild.config.ts – vor dem Livegang ersetzen: ${placeholders.join(', ')}`,
            );
          }
        }
      },
    },
  };
}
