import { spawn, type ChildProcess } from 'node:child_process';

export interface StartedProcess {
  process: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
  /** Settles when the process has ended (registered at spawn, so it never misses an early exit). */
  exited: Promise<void>;
  /** Ends the process and waits for it; an end that did not come through here is reported on stderr. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/**
 * Starts a long-running process (a server) and waits until its output matches `ready`.
 * The one start-up wait shared by tests, `npm run bench` and `npm run audit`.
 */
export async function startProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; ready: RegExp; timeoutMs?: number },
): Promise<StartedProcess> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let log = '';
  let started = false;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`Server did not start within ${options.timeoutMs ?? 20_000} ms:\n${log}`));
    }, options.timeoutMs ?? 20_000);
    const onData = (chunk: Buffer) => {
      log += chunk;
      if (!started && options.ready.test(log)) {
        started = true;
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Server exited with ${code}:\n${log}`));
    });
  });
  let stopping = false;
  child.once('exit', (code, signal) => {
    // A server that vanishes mid-test otherwise shows up only as "connection refused" in later tests.
    if (!stopping) console.error(`${args.join(' ')} ended unexpectedly (code ${code}, signal ${signal}):\n${log.slice(-2000)}`);
  });
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { process: child, output: () => log, exited, stop };
}
