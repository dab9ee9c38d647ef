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

-- Regression: a __codec hook that reloads luv (package.loaded.luv = nil;
-- require("luv")) and collects garbage freed the table of luv's addresses
-- that the running encode still read (ASan: LuvAddresses::Contains).
local T = require("luvtest")
local luv = require("luv")

T.case("an encode survives a hook that reloads luv", function()
  local hooked = setmetatable({}, {
    __codec = function()
      package.loaded.luv = nil
      require("luv")
      collectgarbage("collect")
      collectgarbage("collect")
      return "tostring", "state"
    end,
  })
  for _ = 1, 20 do
    -- luv's own objects after the hook: the encoder checks them against
    -- the addresses it read before the reload, which must still be there.
    local current = require("luv")
    local blob = current.codec.encode({ hooked, current.codec, current.hrtime, {} })
    local back = current.codec.decode(blob)
    T.eq(back[1], "state")
    T.eq(type(back[2].encode), "function")
    T.eq(type(back[3]()), "number")
  end
end)

T.run()
