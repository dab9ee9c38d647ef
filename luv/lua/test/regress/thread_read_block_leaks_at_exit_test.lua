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

-- Regression: the 64 KiB block a thread's streams read into (and the one
-- TLS decrypts into) was never freed when a spawned thread ended; ASan's
-- leak checker reported it at exit. Under ASan this test fails if it comes
-- back; elsewhere it checks that reading in threads works.
local T = require("luvtest")
local luv = require("luv")

T.case("threads that read from streams free their read blocks at exit", function()
  local function worker()
    local luv = require("luv")
    local server = luv.net.tcp()
    assert(server:bind("127.0.0.1", 0))
    assert(server:listen())
    local client = luv.net.tcp()
    luv.fiber.create(function()
      assert(client:connect("127.0.0.1", server:getsockname().port))
      assert(client:write("hello"))
      client:close()
    end):ready()
    local conn = assert(server:accept())
    local n, data = conn:read()
    conn:close()
    server:close()
    return data
  end
  for _ = 1, 3 do
    T.eq(assert(luv.thread.spawn(worker)):join(), "hello")
  end
end)

T.run()
