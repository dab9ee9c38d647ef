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

// Google Benchmark figures for luv.codec's C++ API on the four payloads of
// the Lua benchmark (bench/codec_bench.lua), without the Lua call overhead:
//   bazel run -c opt //bench:codec_benchmark
#include <benchmark/benchmark.h>

#include <lua.hpp>
#include <string>

#include "luv/codec/codec.h"

namespace {

// Each chunk returns one payload.
constexpr const char* kPayloads[] = {
    R"lua(local records = {}
      for i = 1, 10000 do
        records[i] = { id = i, name = "user" .. i, email = "user" .. i .. "@example.org",
          active = i % 3 == 0, score = i * 1.25, tags = { "alpha", "beta" } }
      end
      return records)lua",
    R"lua(local wide = {}
      for i = 1, 2000 do
        wide["key" .. i] = { x = i, y = i * 2, z = "value" .. i, w = { i, i + 1, i + 2 } }
      end
      return wide)lua",
    R"lua(local strings = {}
      local chunk = string.rep("0123456789abcdef", 32)
      for i = 1, 2048 do strings["s" .. i] = chunk:sub(1 + i % 16) .. i end
      return strings)lua",
    R"lua(local deep = { level = 0 }
      for i = 1, 150 do deep = { level = i, name = "node" .. i, child = deep, list = { i, i } } end
      return deep)lua",
};
constexpr const char* kNames[] = {"records", "wide", "strings", "deep"};

// A state holding payload `index` at stack slot 1.
lua_State* NewStateWithPayload(int index) {
  lua_State* L = luaL_newstate();
  luaL_openlibs(L);
  if (luaL_dostring(L, kPayloads[index]) != 0) {
    lua_close(L);
    return nullptr;
  }
  return L;
}

void BM_Codec_Encode(benchmark::State& state) {
  int index = static_cast<int>(state.range(0));
  lua_State* L = NewStateWithPayload(index);
  if (L == nullptr) return state.SkipWithError("payload");
  luv::codec::Message blob;
  for (auto _ : state) {
    lua_pushvalue(L, 1);
    if (!luv::codec::Encode(L, 1, luv::codec::Limits(), &blob).ok()) {
      state.SkipWithError("encode");
      break;
    }
  }
  state.SetLabel(kNames[index]);
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(blob.bytes.size()));
  state.SetItemsProcessed(state.iterations());
  lua_close(L);
}
BENCHMARK(BM_Codec_Encode)->DenseRange(0, 3);

void BM_Codec_Decode(benchmark::State& state) {
  int index = static_cast<int>(state.range(0));
  lua_State* L = NewStateWithPayload(index);
  if (L == nullptr) return state.SkipWithError("payload");
  luv::codec::Message blob;
  if (!luv::codec::Encode(L, 1, luv::codec::Limits(), &blob).ok()) {
    lua_close(L);
    return state.SkipWithError("encode");
  }
  for (auto _ : state) {
    int count = 0;
    if (!luv::codec::Decode(L, blob.bytes, luv::codec::DecodeOptions(), &count).ok()) {
      state.SkipWithError("decode");
      break;
    }
    lua_settop(L, 0);
  }
  state.SetLabel(kNames[index]);
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(blob.bytes.size()));
  state.SetItemsProcessed(state.iterations());
  lua_close(L);
}
BENCHMARK(BM_Codec_Decode)->DenseRange(0, 3);

// A function with an upvalue table: dump, MAC, verify, load.
void BM_Codec_RoundTripFunction(benchmark::State& state) {
  lua_State* L = luaL_newstate();
  luaL_openlibs(L);
  luaL_dostring(L, "local t = {1, 2, 3} return function(x) return t[x] end");
  luv::codec::Message blob;
  for (auto _ : state) {
    lua_pushvalue(L, 1);
    int count = 0;
    if (!luv::codec::Encode(L, 1, luv::codec::Limits(), &blob).ok() ||
        !luv::codec::Decode(L, blob.bytes, luv::codec::DecodeOptions(), &count).ok()) {
      state.SkipWithError("round trip");
      break;
    }
    lua_settop(L, 1);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(blob.bytes.size()));
  state.SetItemsProcessed(state.iterations());
  lua_close(L);
}
BENCHMARK(BM_Codec_RoundTripFunction);

}  // namespace
