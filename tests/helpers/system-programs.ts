/**
 * The system programs the tests need (Chromium, nginx, …): found on PATH or at their usual paths,
 * or installed the way a newcomer's machine allows it — Debian's or Ubuntu's package, as root, with
 * apt-get (after `apt-get update`). Otherwise the test that needs one fails with a message that
 * names the package and the command; never a silent skip, never an unhandled ENOENT.
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';

export interface SystemProgram {
  /** What the program is called on PATH, e.g. `nginx`. */
  command: string;
  /** Debian's package that brings it, e.g. `nginx`. */
  aptPackage: string;
  /** Where Debian puts it when PATH does not reach there (e.g. /usr/sbin for a non-root user). */
  paths?: readonly string[];
  /** Returns false for a file that is there but does not run (Ubuntu's snap stub of Chromium). */
  works?: (path: string) => boolean;
}

export const NGINX: SystemProgram = { command: 'nginx', aptPackage: 'nginx', paths: ['/usr/sbin/nginx'] };

/** What the helper looks at, so a unit test can hand it a fake PATH and a fake machine. */
export interface Machine {
  path: string;
  isRoot: boolean;
  osRelease: string;
  log: (line: string) => void;
}

function readOsRelease(): string {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}

export function thisMachine(): Machine {
  return {
    path: process.env.PATH ?? '',
    isRoot: process.getuid?.() === 0,
    osRelease: readOsRelease(),
    log: (line) => console.log(line),
  };
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `command` on the given PATH. */
export function onPath(command: string, path: string): string | null {
  for (const dir of path.split(delimiter)) {
    if (dir && isExecutable(join(dir, command))) return join(dir, command);
  }
  return null;
}

/** The program on PATH, else at one of its usual paths; only one that works counts. */
export function findProgram(program: SystemProgram, machine: Pick<Machine, 'path'> = thisMachine()): string | null {
  const candidates = [onPath(program.command, machine.path), ...(program.paths ?? [])];
  const works = program.works ?? (() => true);
  return candidates.find((file): file is string => !!file && isExecutable(file) && works(file)) ?? null;
}

function isDebianLike(osRelease: string): boolean {
  return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease);
}

/** The sentence a developer reads when the program is missing and cannot be installed here. */
export function missingMessage(program: SystemProgram, reason: string): string {
  return (
    `${program.command} fehlt auf diesem Rechner und wurde nicht installiert (${reason}). ` +
    `Bitte installieren Sie das Paket „${program.aptPackage}“: sudo apt-get install ${program.aptPackage}` +
    ` — ${program.command} is missing (${reason}); install the package "${program.aptPackage}" with: sudo apt-get install ${program.aptPackage}`
  );
}

function aptInstall(program: SystemProgram, apt: string, machine: Machine): string | null {
  machine.log(`${program.command} fehlt – installiere Debians Paket „${program.aptPackage}“ mit apt-get (einmalig) …`);
  const env = { ...process.env, PATH: machine.path, DEBIAN_FRONTEND: 'noninteractive' };
  // Waits for another apt-get (a second test run, a helper installing Chromium) instead of failing on dpkg's lock.
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  for (const args of [
    ['update', '-qq', ...lock],
    ['install', '-y', '-qq', ...lock, program.aptPackage],
  ]) {
    const step = spawnSync(apt, args, { env, encoding: 'utf8', stdio: 'pipe' });
    if (step.status !== 0)
      return `apt-get ${args[0]}: ${(step.stderr || step.stdout || String(step.error ?? '')).trim().split('\n').slice(-2).join(' ')}`;
  }
  return null;
}

/**
 * Returns the program's path, installing its package where this machine allows it (root, apt-get,
 * Debian or Ubuntu). Throws an Error that names the package and the command otherwise.
 */
export function ensureProgram(program: SystemProgram, machine: Machine = thisMachine()): string {
  const present = findProgram(program, machine);
  if (present) return present;
  const apt = onPath('apt-get', machine.path);
  if (!machine.isRoot) throw new Error(missingMessage(program, 'keine Root-Rechte für apt-get / not root'));
  if (!apt || !isDebianLike(machine.osRelease)) throw new Error(missingMessage(program, 'kein Debian/Ubuntu mit apt-get / no apt-get'));
  const failed = aptInstall(program, apt, machine);
  if (failed) throw new Error(missingMessage(program, failed));
  const installed = findProgram(program, machine);
  if (!installed) throw new Error(missingMessage(program, `nach der Installation nicht gefunden / not found after installing`));
  return installed;
}
