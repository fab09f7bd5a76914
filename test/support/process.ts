import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { shiftedClock } from './machine-clock';

export const root = join(__dirname, '..', '..');

/** `npm start` as a process: what `npm start` runs (one Node process, no wrapper), with the given environment only. */
export function startProcess(env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', join(root, 'bots', 'app', 'main.ts')], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', ...shiftedClock(), ...env },
  });
}

export function exited(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/** Resolves with the process's URL once it logs that it listens. */
export async function listeningUrl(child: ChildProcessWithoutNullStreams): Promise<string> {
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not listening: ${output}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /"message":"energobot is listening","url":"([^"]+)"/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
  });
}

/** Resolves once the process has logged a line containing `text`. */
export function logged(child: ChildProcessWithoutNullStreams, text: string, timeoutMs = 30_000): Promise<void> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`never logged "${text}": ${output.slice(-2000)}`)), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}
