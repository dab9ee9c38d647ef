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

// The identity extension point, end to end through Encode and Decode: live
// objects cross by random tokens, kept alive by their blob's pins.
#include "luv/codec/identity.h"

#include <memory>
#include <new>
#include <string>

#include "gtest/gtest.h"
#include "luv/codec/codec.h"
#include "luv/codec/format.h"

namespace luv::codec {
namespace {

constexpr char kType[] = "luv.test.shared";

// The userdata holds a shared int; an empty one cannot be shared.
using Box = std::shared_ptr<int>;

int BoxGc(lua_State* L) {
  static_cast<Box*>(lua_touserdata(L, 1))->~Box();
  return 0;
}

Box* PushBox(lua_State* L) {
  Box* box = new (lua_newuserdata(L, sizeof(Box))) Box();
  luaL_getmetatable(L, kType);
  lua_setmetatable(L, -2);
  return box;
}

bool Lend(lua_State* L, int index, std::shared_ptr<void>* object) {
  Box* box = static_cast<Box*>(lua_touserdata(L, index));
  if (*box == nullptr) return false;
  *object = *box;
  return true;
}

int Push(lua_State* L, const std::shared_ptr<void>& object) {
  *PushBox(L) = std::static_pointer_cast<int>(object);
  return 1;
}

int Other(lua_State*, const std::shared_ptr<void>&) { return 0; }

int ValueAt(lua_State* L, int index) { return **static_cast<Box*>(lua_touserdata(L, index)); }

class IdentityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(RegisterIdentityType({kType, Lend, Push}).ok());
    L = luaL_newstate();
    luaL_newmetatable(L, kType);
    lua_pushcfunction(L, BoxGc);
    lua_setfield(L, -2, "__gc");
    lua_pop(L, 1);
  }
  void TearDown() override { lua_close(L); }

  // Pushes a new shared int and returns a watch on it.
  std::weak_ptr<int> PushShared(int value) {
    Box* box = PushBox(L);
    *box = std::make_shared<int>(value);
    return *box;
  }

  lua_State* L;
};

TEST_F(IdentityTest, RegistrationIsIdempotentAndNamesAreUnique) {
  EXPECT_TRUE(RegisterIdentityType({kType, Lend, Push}).ok());
  EXPECT_EQ(RegisterIdentityType({kType, Lend, Other}).code(),
            luv::StatusCode::kAlreadyExists);
  EXPECT_FALSE(RegisterIdentityType({"", Lend, Push}).ok());
  EXPECT_FALSE(RegisterIdentityType({std::string(300, 'x').c_str(), Lend, Push}).ok());
  IdentityType found;
  EXPECT_TRUE(FindIdentityType(kType, sizeof(kType) - 1, &found));
  EXPECT_EQ(found.push, &Push);
  EXPECT_FALSE(FindIdentityType(kType, 3, &found));
}

TEST_F(IdentityTest, AMessageKeepsItsObjectsAliveAndDecodesAnyNumberOfTimes) {
  std::weak_ptr<int> watch = PushShared(42);
  lua_pushvalue(L, -1);
  auto message = std::make_unique<Message>();
  ASSERT_TRUE(EncodeMessage(L, 2, message.get()).ok());
  EXPECT_NE(message->bytes.find(kType), std::string::npos);
  EXPECT_EQ(message->pins.size(), 1u) << "one object, one pin";
  EXPECT_NE(message->bytes[4] & kFlagLive, 0);
  lua_gc(L, LUA_GCCOLLECT, 0);
  EXPECT_FALSE(watch.expired()) << "the message pins the object";
  for (int round = 0; round < 2; ++round) {
    int count = 0;
    ASSERT_TRUE(DecodeMessage(L, *message, &count).ok());
    ASSERT_EQ(count, 2);
    EXPECT_EQ(ValueAt(L, -1), 42);
    EXPECT_TRUE(lua_rawequal(L, -1, -2)) << "one object in a blob decodes once";
    lua_settop(L, 0);
  }
  lua_gc(L, LUA_GCCOLLECT, 0);
  EXPECT_FALSE(watch.expired());
  message.reset();
  EXPECT_TRUE(watch.expired()) << "a message destroyed undecoded releases its objects";
}

TEST_F(IdentityTest, AStringBlobIsATicketRedeemedByItsFirstDecode) {
  size_t tickets = TicketCount();
  std::weak_ptr<int> watch = PushShared(7);
  ASSERT_TRUE(EncodeToLua(L, 1, Limits()).ok());
  size_t size = 0;
  const char* data = lua_tolstring(L, -1, &size);
  std::string blob(data, size);  // binary: random token and MAC bytes
  lua_settop(L, 0);
  lua_gc(L, LUA_GCCOLLECT, 0);
  EXPECT_FALSE(watch.expired());
  EXPECT_EQ(TicketCount(), tickets + 1);
  int count = 0;
  ASSERT_TRUE(Decode(L, blob, DecodeOptions(), &count).ok());
  EXPECT_EQ(ValueAt(L, -1), 7);
  EXPECT_EQ(TicketCount(), tickets);
  luv::Status again = Decode(L, blob, DecodeOptions(), &count);
  EXPECT_EQ(again.message(),
            "blob names a live object that is gone: a blob that names live objects "
            "decodes once");
  lua_settop(L, 0);
  lua_gc(L, LUA_GCCOLLECT, 0);
  EXPECT_TRUE(watch.expired());
}

TEST_F(IdentityTest, UnsharableObjectsAreEncodeErrors) {
  PushBox(L);  // empty
  Message message;
  luv::Status status = Encode(L, 1, Limits(), &message);
  EXPECT_EQ(status.message(), "this luv.test.shared cannot be shared at root[1]");
  EXPECT_EQ(lua_gettop(L), 0);
}

TEST_F(IdentityTest, BytesFromElsewhereNameNoLiveObject) {
  PushShared(1);
  Message message;
  ASSERT_TRUE(EncodeMessage(L, 1, &message).ok());
  // The same bytes as a string, without the pins, find nothing.
  int count = 0;
  EXPECT_EQ(Decode(L, message.bytes, DecodeOptions(), &count).code(),
            luv::StatusCode::kNotFound);
  // Stripped of the MAC and the flag: refused by the parser.
  std::string unsigned_blob = message.bytes.substr(0, message.bytes.size() - kMacSize);
  unsigned_blob[4] = 0;
  luv::Status status = Decode(L, unsigned_blob, DecodeOptions(), &count);
  EXPECT_EQ(status.message(),
            "live object in a blob without the live-object flag (only blobs made by "
            "this process may name them) at byte 6");
  // With the flag but a wrong MAC: refused, even by a caller who trusts code.
  std::string forged = message.bytes;
  forged.back() ^= 1;
  DecodeOptions trusting;
  trusting.trust = Trust::kDangerouslyTrustForeignCode;
  EXPECT_EQ(Decode(L, forged, trusting, &count).code(),
            luv::StatusCode::kPermissionDenied);
  // A message whose pins do not hold the token: refused.
  Message other;
  other.bytes = message.bytes;
  EXPECT_EQ(DecodeMessage(L, other, &count).message(),
            "luv.test.shared at byte 6 is not one this blob carries");
  EXPECT_EQ(lua_gettop(L), 0);
}

}  // namespace
}  // namespace luv::codec
