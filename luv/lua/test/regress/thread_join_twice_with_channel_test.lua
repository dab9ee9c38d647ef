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

-- Regression: joining a thread a second time failed when its results held a
-- channel, though results are decoded afresh on every join.
local T = require("luvtest")
local luv = require("luv")

T.case("results holding a channel can be joined twice", function()
  local t = luv.thread.spawn(function()
    local ch = require("luv").channel()
    ch:put("inside")
    return ch, "done"
  end)
  local first, status1 = t:join()
  local second, status2 = t:join()
  T.eq(status1, "done")
  T.eq(status2, "done")
  T.eq(first:get(), "inside")
  second:put("shared")
  T.eq(first:get(), "shared", "both joins give the same channel")
  first:close()
end)

T.run()
