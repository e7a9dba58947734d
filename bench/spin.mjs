// How many cores does this process really get right now? Runs the same CPU-bound loop on one
// and on N worker threads and prints the speed-up: on a quiet 2-core machine close to 2, on a
// machine shared with other work less. The thread speed-up of the audit can be judged against it.
//   node bench/spin.mjs [N]
import { Worker, isMainThread } from 'node:worker_threads';
import { availableParallelism } from 'node:os';

function spin() {
  let x = 0;
  for (let i = 0; i < 3e8; i++) x = (x + i) % 1000003;
  return x;
}

async function wall(threads) {
  const t = performance.now();
  await Promise.all(Array.from({ length: threads }, () => new Promise((resolve) => new Worker(new URL(import.meta.url)).on('exit', resolve))));
  return performance.now() - t;
}

if (isMainThread) {
  const n = Number(process.argv[2] ?? availableParallelism());
  const one = await wall(1);
  const many = await wall(n);
  // n threads doing n times the work: the speed-up is n × one / many.
  console.log(JSON.stringify({ threads: n, speedup: Number(((n * one) / many).toFixed(2)) }));
} else spin();
