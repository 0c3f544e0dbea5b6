import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { clockEnvironment } from '../../subgraphs/kit/platform/clock';

const PARTNER = path.join(__dirname, '../../examples/partner-culture');

export interface PartnerProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * The example partner as a partner runs it: its own process (`npm start` in examples/partner-culture), its own
 * database (created at start if missing), given nothing of the hub but the two public key files.
 */
export function startPartnerProcess(env: { databaseUrl: string; keyDir: string }): Promise<PartnerProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: PARTNER,
    env: {
      ...process.env,
      ...clockEnvironment(),
      PORT: '0',
      DATABASE_URL: env.databaseUrl,
      HUB_GATEWAY_JWKS_FILE: path.join(env.keyDir, 'gateway.jwks.json'),
      HUB_CONSENT_JWKS_FILE: path.join(env.keyDir, 'consent.jwks.json'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the partner did not start:\n${output}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], child, stop });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the partner exited with ${code}:\n${output}`));
    });
  });
}
