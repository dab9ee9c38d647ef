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

-- luv.net.getaddrinfo: asynchronous, every result, both families.
local T = require("luvtest")
local luv = require("luv")

T.case("a numeric IPv4 address resolves to itself", function()
  local results = luv.net.getaddrinfo("127.0.0.1", 8080)
  T.eq(#results, 1)
  local r = results[1]
  T.eq(r.family, "inet") T.eq(r.address, "127.0.0.1") T.eq(r.port, 8080)
  T.eq(r.socktype, "stream") T.eq(r.protocol, "tcp")
end)

T.case("a numeric IPv6 address resolves to itself", function()
  local results = luv.net.getaddrinfo("::1", "443")
  T.eq(#results, 1)
  T.eq(results[1].family, "inet6") T.eq(results[1].address, "::1")
  T.eq(results[1].port, 443)
end)

T.case("every result comes back, IPv4 and IPv6", function()
  -- No host and `passive`: the wildcard address of each family.
  local results = luv.net.getaddrinfo(nil, 5000, { passive = true, socktype = "dgram" })
  local seen = {}
  for _, r in ipairs(results) do
    seen[r.family .. " " .. r.address] = true
    T.eq(r.socktype, "dgram") T.eq(r.protocol, "udp") T.eq(r.port, 5000)
  end
  T.ok(seen["inet 0.0.0.0"], "IPv4 wildcard")
  T.ok(seen["inet6 ::"], "IPv6 wildcard")
  -- Any socket type: one entry per type.
  local any = luv.net.getaddrinfo("127.0.0.1", nil, { socktype = "any" })
  T.le(2, #any, "entries for stream and dgram at least")
end)

T.case("localhost resolves from the hosts file, with a canonical name", function()
  local results = luv.net.getaddrinfo("localhost", nil, { family = "inet", canonname = true })
  T.le(1, #results)
  T.eq(results[1].address, "127.0.0.1")
  T.eq(type(results[1].canonname), "string")
end)

T.case("lookups run concurrently in fibers", function()
  local fibers = {}
  for i = 1, 20 do
    fibers[i] = luv.fiber.create(function()
      return luv.net.getaddrinfo("127.0.0." .. i, i)[1].address
    end):ready()
  end
  for i = 1, 20 do T.eq(fibers[i]:join(), "127.0.0." .. i) end
end)

T.case("failures return the resolver's error", function()
  local ok, err, code = luv.net.getaddrinfo("name.invalid", nil, { numerichost = true })
  T.eq(ok, nil) T.eq(code, "EAI_NONAME")
  T.eq(err, "EAI_NONAME: unknown node or service: name.invalid")
  ok, err, code = luv.net.getaddrinfo("::1", nil, { family = "inet", numerichost = true })
  T.eq(ok, nil) T.match(code, "^EAI_")
  ok, err, code = luv.net.getaddrinfo(string.rep("a", 300))
  T.eq(ok, nil) T.eq(code, "EINVAL") T.match(err, "longer than 255")
  ok, err, code = luv.net.getaddrinfo("a\0b")
  T.eq(ok, nil) T.eq(code, "EINVAL")
end)

T.case("bad arguments raise", function()
  T.raises("bad argument #1", luv.net.getaddrinfo)
  T.raises("bad argument #1", luv.net.getaddrinfo, nil, nil)
  T.raises("bad argument #2", luv.net.getaddrinfo, "localhost", 70000)
  T.raises("bad argument #3", luv.net.getaddrinfo, "localhost", nil, "inet")
  T.raises("invalid option 'inet4'", luv.net.getaddrinfo, "localhost", nil, { family = "inet4" })
  T.raises("invalid option", luv.net.getaddrinfo, "localhost", nil, { socktype = "seqpacket" })
end)

T.run()
