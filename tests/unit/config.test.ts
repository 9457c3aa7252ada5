import { describe, expect, it } from 'vitest';
import guildConfig from '../../src/guild.config';
import { ConfigError, findPlaceholders, parseGuildConfig } from '../../src/lib/config/schema';

function withChange(change: Record<string, unknown>) {
  return { ...guildConfig, ...change };
}

function problemsOf(input: unknown): string[] {
  try {
    parseGuildConfig(input);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('guild configuration', () => {
  it('accepts the shipped default instance with the guild of the original post', () => {
    const config = parseGuildConfig(guildConfig);
    expect(config.facebookUrl).toBe('https://www.facebook.com/Berliner.Innung/');
  });

  it('refuses a Facebook URL on another host and names the key', () => {
    const problems = problemsOf(withChange({ facebookUrl: 'https://www.faceb00k.com/Berliner.Innung/' }));
    expect(problems).toEqual([expect.stringMatching(/^facebookUrl: .*facebook\.com/)]);
  });

  it('refuses a malformed e-mail and names the nested key', () => {
    const problems = problemsOf(withChange({ privacyContact: { name: 'A. Muster', email: 'kein-at-zeichen' } }));
    expect(problems).toEqual([expect.stringMatching(/^privacyContact\.email: erwartet eine E-Mail-Adresse/)]);
  });

  it('refuses a colour that is not #rrggbb and a misspelt key, all at once', () => {
    const problems = problemsOf(withChange({ colors: { primary: 'blau', primaryDark: '#000000', accent: '#111111' }, facebok: 'x' }));
    expect(problems).toContain('colors.primary: erwartet eine Farbe als #rrggbb, z. B. #1d4ed8');
    expect(problems.some((p) => p.includes('unbekannter Schlüssel facebok'))).toBe(true);
  });

  it('the error message names the config file for the web person', () => {
    expect(() => parseGuildConfig(withChange({ email: 'x' }))).toThrow(/src\/guild\.config\.ts[\s\S]*email: /);
  });

  it('lists every placeholder still in use', () => {
    const placeholders = findPlaceholders(parseGuildConfig(guildConfig));
    expect(placeholders).toContain('responsiblePerson.name');
    expect(placeholders).toContain('email');
    expect(placeholders).not.toContain('facebookUrl');
  });
});
