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
