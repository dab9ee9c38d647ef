// Node.js side of the echo benchmark: the usual echo server. Prints
// "port N" and serves until killed.
'use strict';
const net = require('net');

const server = net.createServer((socket) => {
  socket.on('data', (data) => socket.write(data));
  socket.on('end', () => socket.end());
  socket.on('error', () => socket.destroy());
});
server.listen(Number(process.argv[2] || 0), '127.0.0.1', 1024, () => {
  process.stdout.write(`port ${server.address().port}\n`);
});
