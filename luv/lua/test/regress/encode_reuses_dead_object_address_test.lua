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

-- Regression: encode wrote a fresh object as a back-reference to a dead one
-- when a hook changed the structure and collected garbage so that a new
-- table reused a dead table's address (47 of 50 encodes corrupted on 5.1).
-- Every object the encoder has numbered now stays alive until it ends.
local T = require("luvtest")
local luv = require("luv")

rawset(_G, "reuse_test_ctor", function(state) return state end)

local function make_root()
  local root = { { "first" }, false, false }
  root[2] = setmetatable({}, {
    __codec = function()
      local old = tostring(root[1])
      root[1] = nil
      collectgarbage("collect")
      collectgarbage("collect")
      -- Allocate until the allocator hands back the dead table's address.
      root[3] = { "fresh" }
      local keep = {}
      for i = 1, 10000 do
        local t = { "fresh" }
        if tostring(t) == old then
          root[3] = t
          break
        end
        keep[i] = t
      end
      return "reuse_test_ctor", "hooked"
    end,
  })
  return root
end

T.case("50 encodes of a structure a hook rewrites", function()
  for round = 1, 50 do
    local decoded = luv.codec.decode(luv.codec.encode(make_root()))
    T.eq(decoded[1][1], "first", "round " .. round)
    T.eq(decoded[2], "hooked")
    T.eq(decoded[3][1], "fresh", "round " .. round)
    T.ok(decoded[1] ~= decoded[3], "two distinct tables")
  end
end)

T.run()
