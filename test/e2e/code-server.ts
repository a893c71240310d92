// Starts and stops code-server (VS Code's workbench served over HTTP), installed by test/e2e/setup.sh.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const CODE_SERVER_BIN = join(process.cwd(), '.cache/e2e/code-server/node_modules/.bin/code-server');

export interface CodeServerDirs {
  /** Throwaway user data: settings, logs (the extension host's and each output channel's land in logs/). */
  userDataDir: string;
  extensionsDir: string;
  /** An empty config file, so a code-server config of the machine's user (password, bind address) is not read. */
  configFile: string;
}

function baseArgs(dirs: CodeServerDirs): string[] {
  return ['--config', dirs.configFile, '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir];
}

export function checkCodeServerInstalled(): void {
  if (!existsSync(CODE_SERVER_BIN)) throw new Error(`code-server is not installed: run bash test/e2e/setup.sh first`);
}

export function installExtension(dirs: CodeServerDirs, vsix: string): void {
  writeFileSync(dirs.configFile, '');
  const r = spawnSync(CODE_SERVER_BIN, [...baseArgs(dirs), '--install-extension', vsix, '--force'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.status !== 0 || !/successfully installed/i.test(out)) {
    throw new Error(`code-server --install-extension ${vsix} failed: ${out.split('\n').slice(-3).join(' | ')}`);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningCodeServer {
  url: string;
  logFile: string;
  stop(): Promise<void>;
}

/** Resolves once code-server says it listens; rejects if it exits first or says nothing within the timeout. */
export async function startCodeServer(
  dirs: CodeServerDirs,
  workspace: string,
  logFile: string,
  timeoutMs = 60_000,
): Promise<RunningCodeServer> {
  writeFileSync(dirs.configFile, '');
  const port = await freePort();
  const log = createWriteStream(logFile);
  // detached: code-server forks a server, which forks the extension host, which starts the language server;
  // killing the process group ends them all.
  const child = spawn(
    CODE_SERVER_BIN,
    [
      ...baseArgs(dirs),
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--ignore-last-opened',
      workspace,
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const stop = () => killGroup(child, log);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`code-server did not listen within ${timeoutMs / 1000} s`)), timeoutMs);
      let seen = '';
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (/HTTP server listening on/i.test(seen)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`code-server exited (${signal ?? code}) before listening`));
      });
      child.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return { url: `http://127.0.0.1:${port}/`, logFile, stop };
}

async function killGroup(child: ChildProcess, log: NodeJS.WritableStream): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) {
    log.end();
    return;
  }
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    signalGroup(pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  // Children that outlived the leader (the extension host, the language server) go too.
  signalGroup(pid, 'SIGKILL');
  log.end();
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}
