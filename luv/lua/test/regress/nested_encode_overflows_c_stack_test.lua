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

-- Regression: under LuaJIT a __codec hook that called encode again without
-- end overflowed the C stack (Lua 5.1 raised "C stack overflow"). Encodes
-- and decodes nested in one another are bounded, with a clear error.
local T = require("luvtest")
local luv = require("luv")

T.case("an encode nested without end is a clean error", function()
  local mt = {}
  mt.__codec = function()
    return "tostring", luv.codec.encode(setmetatable({}, mt))
  end
  local ok, err = pcall(luv.codec.encode, setmetatable({}, mt))
  T.eq(ok, false)
  T.match(err, "nested more than 8 deep")
end)

T.case("a decode nested without end is a clean error", function()
  local depth = 0
  rawset(_G, "nested_decode_test_ctor", function(blob)
    depth = depth + 1
    return luv.codec.decode(blob)
  end)
  -- A hook whose constructor decodes a blob that names the same hook.
  local blob
  local mt = { __codec = function() return "nested_decode_test_ctor", "leaf" end }
  local one = luv.codec.encode(setmetatable({}, mt))
  blob = one
  for _ = 1, 12 do
    blob = luv.codec.encode(setmetatable({}, { __codec = function() return "nested_decode_test_ctor", blob end }))
  end
  local ok, err = luv.codec.trydecode(blob)
  T.eq(ok, nil)
  T.match(err, "nested more than 8 deep")
  T.le(depth, 8, "constructors that ran")
  rawset(_G, "nested_decode_test_ctor", nil)
end)

T.case("a few levels of nesting still work", function()
  local mt = {}
  local level = 0
  mt.__codec = function()
    level = level + 1
    if level < 4 then return "tostring", luv.codec.encode(setmetatable({}, mt)) end
    return "tostring", "bottom"
  end
  T.eq(type(luv.codec.encode(setmetatable({}, mt))), "string")
end)

T.run()
