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

-- The reference's Serialization example: a Point class whose __codec hook
-- rebuilds the object on decode. The reference declares the class with
-- module("my.module"); here the module is a table in package.loaded, which
-- is what module() would have made.
local luv = require("luv")

local M = {}
package.loaded["my.module"] = M

local Point = {}
Point.__index = Point
Point.new = function()
  return setmetatable({}, Point)
end
Point.move = function(self, x, y)
  self.x = x
  self.y = y
end
Point.__codec = function(self)
  return function(spec)
    local Point = require("my.module").Point
    return setmetatable(spec, Point)
  end, { x = self.x, y = self.y }
end
M.Point = Point

local obj = require("my.module").Point.new()
obj:move(1, 2)

local str = luv.codec.encode(obj)
local dec = luv.codec.decode(str)

assert(dec.x == 1 and dec.y == 2)
assert(type(dec.move) == "function")
print(string.format("decoded a Point at (%d, %d) from %d bytes", dec.x, dec.y, #str))
