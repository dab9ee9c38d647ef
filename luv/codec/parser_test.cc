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

#include "luv/codec/parser.h"

#include <string>

#include "gtest/gtest.h"

namespace luv::codec {
namespace {

// Records events as text: the order of ids and callbacks is the contract.
struct Recorder {
  std::string log;
  bool Nil() { return Add("nil"); }
  bool Boolean(bool b) { return Add(b ? "true" : "false"); }
  bool Integer(int64_t v) { return Add("i" + std::to_string(v)); }
  bool Number(double d) { return Add("n" + std::to_string(d)); }
  bool String(const uint8_t* p, size_t n) {
    return Add("'" + std::string(reinterpret_cast<const char*>(p), n) + "'");
  }
  bool NewObject(uint32_t id) { return Add("#" + std::to_string(id)); }
  bool TableBegin(uint32_t, uint64_t a, uint64_t h) {
    return Add("{" + std::to_string(a) + "," + std::to_string(h));
  }
  bool ArrayItem(uint64_t i) { return Add("[" + std::to_string(i) + "]"); }
  bool HashKey() { return Add(":"); }
  bool HashPair(size_t) { return Add("="); }
  bool TableEnd() { return Add("}"); }
  bool FunctionBegin(uint32_t, const uint8_t*, size_t n, uint64_t, size_t) {
    return Add("fn" + std::to_string(n));
  }
  bool Upvalue(uint64_t i, size_t) { return Add("up" + std::to_string(i)); }
  bool Globals() { return Add("G"); }
  bool SharedUpvalue(uint64_t i, uint32_t id, uint64_t j, size_t) {
    return Add("up" + std::to_string(i) + "=" + std::to_string(id) + "." +
               std::to_string(j));
  }
  bool FunctionEnd() { return Add("endfn"); }
  bool HookBegin(uint32_t id) { return Add("hook" + std::to_string(id)); }
  bool HookFnEnd(uint32_t id, size_t) { return Add("made" + std::to_string(id)); }
  bool HookNameEnd(uint32_t id, const uint8_t* p, size_t n, size_t) {
    return Add("made" + std::to_string(id) + ":" +
               std::string(reinterpret_cast<const char*>(p), n));
  }
  bool Ref(uint32_t id, size_t) { return Add("ref" + std::to_string(id)); }
  bool LuvPath(uint32_t, const uint8_t* p, size_t n, size_t) {
    return Add("luv:" + std::string(reinterpret_cast<const char*>(p), n));
  }
  bool Identity(uint32_t, const uint8_t* name, size_t n, const uint8_t* token, size_t) {
    return Add("id:" + std::string(reinterpret_cast<const char*>(name), n) + ":" +
               std::to_string(token[0]) + ".." + std::to_string(token[kTokenSize - 1]));
  }
  bool Add(const std::string& event) {
    if (!log.empty()) log += ' ';
    log += event;
    return true;
  }
};

struct Result {
  bool ok;
  std::string log;
  std::string error;
};

Result Parse(const std::string& body, bool code = false, int max_depth = kMaxDepth,
             bool live = false, Vm vm = Vm::kLua51) {
  Reader r(reinterpret_cast<const uint8_t*>(body.data()), body.size());
  Recorder recorder;
  Parser<Recorder> parser(&r, &recorder, max_depth, code, live, vm);
  bool ok = parser.Value(1);
  if (ok && r.left() != 0) ok = r.Fail("left over");
  return {ok, recorder.log, r.error()};
}

TEST(ParserTest, ScalarsAndShortForms) {
  EXPECT_EQ(Parse(std::string("\x00", 1)).log, "nil");
  EXPECT_EQ(Parse("\x02").log, "true");
  EXPECT_EQ(Parse("\x85").log, "i5");
  EXPECT_EQ(Parse("\x03\x03").log, "i-2");
  EXPECT_EQ(Parse(std::string("\x04\x00\x00\x00\x00\x00\x00\xf8\x3f", 9)).log,
            "n1.500000");
  EXPECT_EQ(Parse("\x42hi").log, "'hi'");
  EXPECT_EQ(Parse("\x05\x02hi").log, "'hi'");
}

TEST(ParserTest, ObjectIdsArePreOrder) {
  // {{}, [ref0] = ref1}: the outer table is 0, the inner one 1.
  Result r = Parse(std::string("\x06\x01\x01\x06\x00\x00\x07\x00\x07\x01", 10));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.log, "#0 {1,1 #1 {0,0 } [1] ref0 : ref1 = }");
}

TEST(ParserTest, HookIdIsReservedBeforeConstructorAndState) {
  std::string code = "\x1bLua\x51";
  std::string body =
      std::string("\x09\x08\x05", 3) + code + std::string("\x00\x06\x00\x00", 4);
  Result r = Parse(body, /*code=*/true);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.log, "#0 hook0 #1 fn5 endfn #2 {0,0 } made0");
  Result named = Parse(std::string("\x0a\x01x\x81", 4), true);
  EXPECT_EQ(named.log, "#0 hook0 i1 made0:x");
}

TEST(ParserTest, CodeNeedsTheFlagAndTheRightVm) {
  std::string body =
      std::string("\x08\x05", 2) + "\x1bLJ\x02\x00" + std::string("\x00", 1);
  EXPECT_EQ(Parse(body).error, "function in a blob without the code flag at byte 0");
  EXPECT_EQ(Parse(body, true).error,
            "function bytecode is not Lua 5.1 bytecode at byte 0");
  EXPECT_EQ(Parse(std::string("\x09\x06\x00\x00\x00", 5), true).error,
            "__codec constructor is not a function at byte 1");
}

TEST(ParserTest, UpvalueCountIsBounded) {
  std::string body = std::string("\x08\x05", 2) + "\x1bLua\x51" + "\x80\x02";
  EXPECT_EQ(Parse(body, true).error,
            "function claims 256 upvalues (at most 255) at byte 0");
}

// fn0 (upvalues: the globals, fn1) where fn1's one upvalue is fn0's first.
std::string SharingFunctions(const std::string& signature) {
  std::string fn = std::string("\x08\x05", 2) + signature;
  return fn + "\x02\x0d" + fn + std::string("\x01\x0e\x00\x01", 4);
}

TEST(ParserTest, UpvaluesMayBeTheGlobalsOrSharedOn52AndLater) {
  Result r = Parse(SharingFunctions("\x1bLua\x54"), true, kMaxDepth, false, Vm::kLua54);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.log, "#0 fn5 G up1 #1 fn5 up1=0.1 endfn up2 endfn");
  EXPECT_EQ(Parse(SharingFunctions("\x1bLua\x51"), true).error,
            "shared upvalue in Lua 5.1 bytecode (only 5.2+ share) at byte 17");
  // Neither form is a value of its own.
  EXPECT_EQ(Parse("\x0d", true).error, "unknown tag 0x0d at byte 0");
  EXPECT_EQ(Parse(std::string("\x0e\x00\x01", 3), true).error,
            "unknown tag 0x0e at byte 0");
  // A shared upvalue names an object seen before, and an upvalue from 1 on.
  std::string fn = std::string("\x08\x05", 2) + "\x1bLua\x54";
  EXPECT_EQ(Parse(fn + std::string("\x01\x0e\x01\x01", 4), true, kMaxDepth, false,
                  Vm::kLua54)
                .error,
            "shared upvalue 1 of object 1 out of range at byte 8");
  EXPECT_EQ(Parse(fn + std::string("\x01\x0e\x00\x00", 4), true, kMaxDepth, false,
                  Vm::kLua54)
                .error,
            "shared upvalue 0 of object 0 out of range at byte 8");
}

TEST(ParserTest, DepthCountsContainers) {
  std::string two(std::string("\x06\x01\x00\x06\x00\x00", 6));
  EXPECT_TRUE(Parse(two, false, 2).ok);
  EXPECT_EQ(Parse(two, false, 1).error, "nesting deeper than 1 at byte 3");
}

TEST(ParserTest, CountsMustFitTheBytesLeft) {
  EXPECT_EQ(Parse(std::string("\x06\x03\x00\x81\x81", 5)).error,
            "table claims 3 array elements but only 2 bytes remain at byte 0");
  EXPECT_EQ(Parse(std::string("\x06\x00\x02\x81\x81\x81", 6)).error,
            "table claims 2 hash entries but only 3 bytes remain at byte 0");
}

TEST(ParserTest, NamesAreBounded) {
  std::string body = std::string("\x0b\x81\x02", 3) + std::string(257, 'a');
  EXPECT_EQ(Parse(body, false, kMaxDepth, /*live=*/true).error,
            "luv path of 257 bytes is longer than 256 at byte 0");
}

TEST(ParserTest, LiveObjectsNeedTheLiveFlag) {
  std::string path = std::string("\x0b\x03") + "cfg";
  EXPECT_EQ(Parse(path).error,
            "luv object in a blob without the live-object flag (only blobs made by this "
            "process may name them) at byte 0");
  EXPECT_EQ(Parse(path, false, kMaxDepth, true).log, "#0 luv:cfg");
  std::string identity = std::string("\x0c\x02") + "ch" + std::string(kTokenSize, '\x07');
  EXPECT_EQ(Parse(identity).error,
            "live object in a blob without the live-object flag (only blobs made by "
            "this process may name them) at byte 0");
  EXPECT_EQ(Parse(identity, false, kMaxDepth, true).log, "#0 id:ch:7..7");
  // The token is 16 bytes, not a varint: one short is truncated.
  EXPECT_EQ(Parse(identity.substr(0, identity.size() - 1), false, kMaxDepth, true).error,
            "truncated identity token (need 16 bytes, 15 left) at byte 0");
}

}  // namespace
}  // namespace luv::codec
