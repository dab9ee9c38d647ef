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

// Node.js side of the line echo benchmark: readline over the socket, each
// line written back with its "\n"; TCP_NODELAY, as in every line server here
// (a line a write). Prints "port N" and serves until killed.
'use strict';
const net = require('net');
const readline = require('readline');

const server = net.createServer((socket) => {
  socket.setNoDelay(true);
  const lines = readline.createInterface({input: socket, crlfDelay: Infinity});
  lines.on('line', (line) => socket.write(line + '\n'));
  lines.on('close', () => socket.end());
  lines.on('error', () => socket.destroy());  // the socket's errors, passed on
});
server.listen(Number(process.argv[2] || 0), '127.0.0.1', 1024, () => {
  process.stdout.write(`port ${server.address().port}\n`);
});
