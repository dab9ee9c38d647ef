// Copyright 2026 The luv Authors
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//     http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

// A Lua function, shared by the codec fuzzers, that says whether two tuples
// are isomorphic: same shape, same scalars bit for bit (any NaN equals any
// NaN: LuaJIT canonicalizes them), tables and functions matched one to one
// so that sharing and cycles must agree, functions with the same bytecode.
//
//   iso(n, a1..an, b1..bn) -> true | false, where
#ifndef FUZZ_ISO_H_
#define FUZZ_ISO_H_

namespace luv::fuzz {

inline constexpr char kIsoSource[] = R"lua(
local function iso(a, b, map, where)
  local ta = type(a)
  if ta ~= type(b) then return false, where .. ": " .. ta .. " vs " .. type(b) end
  if ta == "number" then
    if a ~= a then return b ~= b, where .. ": NaN" end
    return a == b and (a ~= 0 or 1 / a == 1 / b), where .. ": " .. tostring(a) .. " vs " .. tostring(b)
  end
  if ta ~= "table" and ta ~= "function" then return a == b, where end
  if rawequal(a, b) then return true end  -- luv's own objects
  if map[a] ~= nil then return rawequal(map[a], b), where .. ": sharing differs" end
  map[a] = b
  if ta == "function" then
    if string.dump(a) ~= string.dump(b) then return false, where .. ": bytecode" end
    for i = 1, 256 do
      local na, va = debug.getupvalue(a, i)
      local nb, vb = debug.getupvalue(b, i)
      if na ~= nb then return false, where .. ": upvalue names" end
      if na == nil then return true end
      local ok, why = iso(va, vb, map, where .. "<up" .. i .. ">")
      if not ok then return false, why end
    end
    return true
  end
  if getmetatable(a) ~= getmetatable(b) then return false, where .. ": metatable" end
  local na, nb = 0, 0
  for k, v in pairs(a) do
    na = na + 1
    local tk = type(k)
    if tk ~= "table" and tk ~= "function" then
      local ok, why = iso(v, rawget(b, k), map, where .. "[" .. tostring(k) .. "]")
      if not ok then return false, why end
    end
  end
  for _ in pairs(b) do nb = nb + 1 end
  return na == nb, where .. ": " .. na .. " vs " .. nb .. " entries"
end
return function(n, ...)
  local map = {}
  for i = 1, n do
    local ok, why = iso((select(i, ...)), (select(n + i, ...)), map, "root[" .. i .. "]")
    if not ok then return false, why end
  end
  return true
end
)lua";

}  // namespace luv::fuzz

#endif  // FUZZ_ISO_H_
