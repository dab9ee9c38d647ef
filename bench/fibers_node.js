// Copyright 2026 The luv Authors
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//     http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

// Node.js beside luv's fiber benchmarks (bench/switch.lua, bench/sleepers.lua):
//   node fibers_node.js switch [switches]  -> "node_await_switch <switches per second>"
//   node fibers_node.js sleepers [tasks]   -> "node_sleepers_seconds <s>",
//                                             "node_bytes_per_task <bytes>"
//   node fibers_node.js churn [tasks]      -> "node_async_churn <tasks per second>"
// A switch is one async function resuming after `await` while another is
// suspended; a sleeper is an async function awaiting a timer of 0-100 ms;
// churn makes async functions in waves of 1,000 and awaits each one's
// result, as bench/churn.lua does with fibers.
'use strict';
const [mode, count] = process.argv.slice(2);

function cpuSeconds(start) {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

async function switches(n) {
  const half = Math.floor(n / 2);
  async function body() { for (let i = 0; i < half; i++) await null; }
  const start = process.cpuUsage();
  await Promise.all([body(), body()]);
  console.log(`node_await_switch ${Math.round((2 * half) / cpuSeconds(start))}`);
}

// The same pseudo-random delays each run, without Math.random's seed.
function delays(n) {
  let x = 42;
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out[i] = x % 101;
  }
  return out;
}

async function sleepers(n) {
  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const ms = delays(n);
  if (global.gc) global.gc();
  const before = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  const tasks = new Array(n);
  for (let i = 0; i < n; i++) tasks[i] = (async () => { await wait(ms[i]); })();
  const during = process.memoryUsage().heapUsed;
  await Promise.all(tasks);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`node_sleepers_seconds ${seconds.toFixed(4)}`);
  // The tasks array itself (one slot per task) is not the tasks' cost.
  console.log(`node_bytes_per_task ${Math.round((during - before) / n - 8)}`);
}

async function churn(n) {
  const wave = 1000;
  const waves = Math.floor(n / wave);
  async function body(i) { return i; }
  const tasks = new Array(wave);
  const start = process.cpuUsage();
  for (let w = 0; w < waves; w++) {
    for (let i = 0; i < wave; i++) tasks[i] = body(i);
    for (let i = 0; i < wave; i++) {
      if ((await tasks[i]) !== i) throw new Error('an await returned the wrong result');
    }
  }
  console.log(`node_async_churn ${Math.round((waves * wave) / cpuSeconds(start))}`);
}

if (mode === 'switch') switches(Number(count) || 20000000);
else if (mode === 'sleepers') sleepers(Number(count) || 100000);
else if (mode === 'churn') churn(Number(count) || 1000000);
else throw new Error('usage: fibers_node.js <switch|sleepers|churn> [count]');
