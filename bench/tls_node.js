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

// Node.js side of the TLS benchmark: the usual TLS echo server.
// Usage: node tls_node.js CERT KEY [PORT]. Prints "port N" and serves until
// killed.
'use strict';
const fs = require('fs');
const tls = require('tls');

const server = tls.createServer({
  cert: fs.readFileSync(process.argv[2]),
  key: fs.readFileSync(process.argv[3]),
}, (socket) => {
  socket.on('data', (data) => socket.write(data));
  socket.on('end', () => socket.end());
  socket.on('error', () => socket.destroy());
});
// Nagle off from the start (the handshake too), as in the other servers.
server.on('connection', (socket) => socket.setNoDelay(true));
server.on('tlsClientError', () => {});
server.listen(Number(process.argv[4] || 0), '127.0.0.1', 1024, () => {
  process.stdout.write(`port ${server.address().port}\n`);
});
