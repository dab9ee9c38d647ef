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

-- Regression: a blob with no MAC could name a live channel by its handle
-- (1, 2, 3, ...) and take it: right after luv.thread.spawn(fn, ch) the 25
-- bytes below returned the channel, and the thread lost its message. Live
-- objects now cross only in blobs this process signed, by 128-bit tokens.
local T = require("luvtest")
local luv = require("luv")

local function forged(handle)
  return "luv\1\0\1\12\11luv.channel" .. string.char(handle)
end

T.case("forged channel handles decode to nothing while a spawn is in flight", function()
  local ch, back = luv.channel(), luv.channel()
  local t = luv.thread.spawn(function(c, b)
    b:put("from the thread")
    return c:get()
  end, ch, back)
  for handle = 0, 255 do
    local ok, message, code = luv.codec.trydecode(forged(handle))
    T.eq(ok, nil, "handle " .. handle)
    T.eq(code, "ECODEC")
    T.match(message, "^ECODEC: live object in a blob without the live%-object flag")
  end
  T.eq(back:get(), "from the thread")
  ch:put("to the thread")
  T.eq(t:join(), "to the thread")
  ch:close()
  back:close()
end)

T.case("a signed blob's live objects are redeemed once", function()
  local ch = luv.channel()
  local blob = luv.codec.encode(ch)
  local copy = luv.codec.decode(blob)
  copy:put("same channel")
  T.eq(ch:get(), "same channel")
  local ok, message = luv.codec.trydecode(blob)
  T.eq(ok, nil)
  T.match(message, "decodes once")
  ch:close()
end)

T.run()
