import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NGINX, ensureProgram, type Machine, type SystemProgram } from '../helpers/system-programs';

/** A program no real machine has, so the test never finds the real one. */
const PROGRAM: SystemProgram = { command: 'iw-testserver', aptPackage: 'iw-testserver-pkg' };

function script(file: string, body: string): void {
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
}

/** A fake machine: its own PATH folders, nothing of the real one. */
function machine(options: { isRoot: boolean; apt?: boolean; osRelease?: string }): {
  machine: Machine;
  bin: string;
  said: string[];
  aptLog: string;
} {
  const root = mkdtempSync(join(tmpdir(), 'iw-programs-'));
  const bin = join(root, 'bin');
  const sbin = join(root, 'sbin');
  mkdirSync(bin);
  mkdirSync(sbin);
  const aptLog = join(root, 'apt.log');
  // apt-get as Debian's would behave: `install` puts the package's program into sbin.
  if (options.apt)
    script(
      join(bin, 'apt-get'),
      `echo "$@" >> ${aptLog}\nif [ "$1" = install ]; then printf '#!/bin/sh\\n' > ${sbin}/${PROGRAM.command}; /bin/chmod 755 ${sbin}/${PROGRAM.command}; fi`,
    );
  const said: string[] = [];
  return {
    machine: {
      path: `${bin}:${sbin}`,
      isRoot: options.isRoot,
      osRelease: options.osRelease ?? 'ID=debian\n',
      log: (line) => said.push(line),
    },
    bin,
    said,
    aptLog,
  };
}

describe('system programs the tests need', () => {
  it('uses a program already on PATH and installs nothing', () => {
    const fake = machine({ isRoot: true, apt: true });
    script(join(fake.bin, PROGRAM.command), 'exit 0');
    expect(ensureProgram(PROGRAM, fake.machine)).toBe(join(fake.bin, PROGRAM.command));
    expect(fake.said).toEqual([]);
    expect(existsSync(fake.aptLog)).toBe(false);
  });

  it('installs the Debian package as root with apt-get, after apt-get update, and says so', () => {
    const fake = machine({ isRoot: true, apt: true });
    const found = ensureProgram(PROGRAM, fake.machine);
    expect(found).toMatch(/sbin\/iw-testserver$/);
    expect(readFileSync(fake.aptLog, 'utf8').trim().split('\n')).toEqual([
      'update -qq -o DPkg::Lock::Timeout=300',
      'install -y -qq -o DPkg::Lock::Timeout=300 iw-testserver-pkg',
    ]);
    expect(fake.said.join(' ')).toContain('„iw-testserver-pkg“');
  });

  it('without root rights fails with the package and the command to type', () => {
    const fake = machine({ isRoot: false, apt: true });
    expect(() => ensureProgram(PROGRAM, fake.machine)).toThrow('sudo apt-get install iw-testserver-pkg');
    expect(existsSync(fake.aptLog)).toBe(false);
  });

  it('without apt-get, or on another system, fails with the package and the command to type', () => {
    expect(() => ensureProgram(PROGRAM, machine({ isRoot: true, apt: false }).machine)).toThrow(
      /iw-testserver fehlt.*sudo apt-get install iw-testserver-pkg/,
    );
    expect(() => ensureProgram(PROGRAM, machine({ isRoot: true, apt: true, osRelease: 'ID=fedora\n' }).machine)).toThrow(/no apt-get/);
  });

  it('a failed apt-get names the package and what apt-get said', () => {
    const fake = machine({ isRoot: true });
    script(join(fake.bin, 'apt-get'), 'echo "E: Unable to locate package" >&2; exit 100');
    expect(() => ensureProgram(PROGRAM, fake.machine)).toThrow(
      /apt-get update: E: Unable to locate package.*sudo apt-get install iw-testserver-pkg/,
    );
  });

  it('knows where Debian puts nginx for users whose PATH lacks /usr/sbin', () => {
    expect(NGINX.aptPackage).toBe('nginx');
    expect(NGINX.paths).toContain('/usr/sbin/nginx');
  });
});
