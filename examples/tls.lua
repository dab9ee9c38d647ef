-- Copyright 2026 The luv Authors
--
-- Licensed under the Apache License, Version 2.0 (the "License");
-- you may not use this file except in compliance with the License.
-- You may obtain a copy of the License at
--
--     http://www.apache.org/licenses/LICENSE-2.0
--
-- Unless required by applicable law or agreed to in writing, software
-- distributed under the License is distributed on an "AS IS" BASIS,
-- WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
-- See the License for the specific language governing permissions and
-- limitations under the License.

-- TLS: a server and a client in one program, over loopback.
--   bazel run //examples:tls
-- It makes a throwaway self-signed certificate for "localhost" with the
-- openssl command; a real server loads its own, and a real client trusts
-- the system's CAs (luv.tls.context() with no `ca`).
local luv = require("luv")

local dir = os.getenv("TEST_TMPDIR") or "/tmp"
local made = os.execute(("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 " ..
  "-nodes -days 1 -subj /CN=localhost -addext subjectAltName=DNS:localhost " ..
  "-keyout '%s/key.pem' -out '%s/cert.pem' 2>/dev/null"):format(dir, dir))
assert(made == 0 or made == true, "openssl could not make a certificate")

-- The server: each connection gets a fiber that answers line by line.
local server_ctx = assert(luv.tls.context({
  server = true, cert = dir .. "/cert.pem", key = dir .. "/key.pem",
}))
local server = luv.net.tcp()
assert(server:bind("127.0.0.1", 0))
assert(server:listen())
local port = server:getsockname().port
luv.fiber.create(function()
  local conn = assert(luv.tls.wrap(assert(server:accept()), server_ctx))
  while true do
    local line = conn:read_line()
    if not line then break end
    conn:write("you said: " .. line .. "\n")
  end
  conn:close()
  server:close()
end):ready()

-- The client: it trusts that one certificate, and checks the name.
local client_ctx = assert(luv.tls.context({ ca = dir .. "/cert.pem" }))
local conn = assert(luv.tls.connect("localhost", port, client_ctx))
conn:write("hello\n")
print(conn:read_line())
print(conn:tls_info().version)
print(conn:peer_certificate().subject)
conn:close()
