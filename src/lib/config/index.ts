import raw from '@/guild.config';
import { parseGuildConfig } from './schema';

/** The validated guild configuration; importing it fails the build with a German message on bad values. */
export const guild = parseGuildConfig(raw);
