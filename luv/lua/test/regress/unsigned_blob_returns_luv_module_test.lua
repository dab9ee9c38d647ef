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

-- Regression: a blob with no MAC could name luv's own objects by path:
-- trydecode of the bytes below gave {cfg = <the luv module table>}, and
-- editing the decoded "message" edited the live module.
local T = require("luvtest")
local luv = require("luv")

T.case("a plain blob cannot name the module table", function()
  local ok, message, code = luv.codec.trydecode("luv\1\0\1\6\0\1\67cfg\11\0")
  T.eq(ok, nil)
  T.eq(code, "ECODEC")
  T.match(message, "luv object in a blob without the live%-object flag")
end)

T.case("nor a member, with or without the flag", function()
  for _, bytes in ipairs({
    "luv\1\0\1\11\5codec",
    "luv\1\8\1\11\5codec" .. string.rep("\0", 32),
  }) do
    local ok, _, code = luv.codec.trydecode(bytes, { dangerously_trust_foreign_code = true })
    T.eq(ok, nil)
    T.eq(code, "ECODEC")
  end
end)

T.case("blobs this process made still carry luv's objects", function()
  local decoded = luv.codec.decode(luv.codec.encode({ cfg = luv, enc = luv.codec.encode }))
  T.eq(decoded.cfg, luv)
  T.eq(decoded.enc, luv.codec.encode)
end)

T.run()
