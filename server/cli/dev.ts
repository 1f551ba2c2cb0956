import { spawn, type ChildProcess } from 'node:child_process';
import { loadEnv } from '../env';

/**
 * Development: the API under `tsx watch` on PORT+1 (no SPA), and Vite with hot reload on PORT,
 * proxying /trpc, /api, /xero and /healthz to it. Users open PORT, as with `npm start`.
 */
const env = loadEnv();
const apiPort = env.port + 1;
const children: ChildProcess[] = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'server/main.ts', '--no-spa'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: String(apiPort), PUBLIC_URL: env.publicUrl },
  }),
  spawn('npx', ['vite'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: String(env.port), API_PORT: String(apiPort) },
  }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
for (const child of children) child.once('exit', stop);
