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
