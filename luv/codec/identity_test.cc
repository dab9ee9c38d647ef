// The identity extension point, end to end through Encode and Decode.
#include "luv/codec/identity.h"

#include <string>

#include "gtest/gtest.h"
#include "luv/codec/codec.h"

namespace luv::codec {
namespace {

constexpr char kType[] = "luv.test.handle";

// A userdata that holds its handle; handle 0 cannot be shared, 99 is unknown.
bool ToHandle(lua_State* L, int index, uint64_t* handle) {
  *handle = *static_cast<uint64_t*>(lua_touserdata(L, index));
  return *handle != 0;
}

int Push(lua_State* L, uint64_t handle) {
  if (handle == 99) return 0;
  *static_cast<uint64_t*>(lua_newuserdata(L, sizeof(uint64_t))) = handle;
  luaL_getmetatable(L, kType);
  lua_setmetatable(L, -2);
  return 1;
}

int Other(lua_State*, uint64_t) { return 0; }

void PushHandle(lua_State* L, uint64_t handle) {
  *static_cast<uint64_t*>(lua_newuserdata(L, sizeof(uint64_t))) = handle;
  luaL_getmetatable(L, kType);
  lua_setmetatable(L, -2);
}

class IdentityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(RegisterIdentityType({kType, ToHandle, Push}).ok());
    L = luaL_newstate();
    luaL_newmetatable(L, kType);
    lua_pop(L, 1);
  }
  void TearDown() override { lua_close(L); }
  lua_State* L;
};

TEST_F(IdentityTest, RegistrationIsIdempotentAndNamesAreUnique) {
  EXPECT_TRUE(RegisterIdentityType({kType, ToHandle, Push}).ok());
  EXPECT_EQ(RegisterIdentityType({kType, ToHandle, Other}).code(),
            absl::StatusCode::kAlreadyExists);
  EXPECT_FALSE(RegisterIdentityType({"", ToHandle, Push}).ok());
  EXPECT_FALSE(
      RegisterIdentityType({std::string(300, 'x').c_str(), ToHandle, Push}).ok());
  IdentityType found;
  EXPECT_TRUE(FindIdentityType(kType, sizeof(kType) - 1, &found));
  EXPECT_EQ(found.push, &Push);
  EXPECT_FALSE(FindIdentityType(kType, 3, &found));
}

TEST_F(IdentityTest, ObjectsCrossAsHandles) {
  PushHandle(L, 42);
  lua_pushvalue(L, -1);
  std::string blob;
  ASSERT_TRUE(Encode(L, 2, Limits(), &blob).ok());
  EXPECT_NE(blob.find(kType), std::string::npos);
  int count = 0;
  ASSERT_TRUE(Decode(L, blob, DecodeOptions(), &count).ok());
  ASSERT_EQ(count, 2);
  EXPECT_EQ(*static_cast<uint64_t*>(lua_touserdata(L, -1)), 42u);
  EXPECT_TRUE(lua_rawequal(L, -1, -2)) << "one object in a blob decodes once";
}

TEST_F(IdentityTest, UnsharableAndUnknownHandlesAreErrors) {
  PushHandle(L, 0);
  std::string blob;
  absl::Status status = Encode(L, 1, Limits(), &blob);
  EXPECT_EQ(status.message(), "this luv.test.handle cannot be shared at root[1]");
  PushHandle(L, 99);
  ASSERT_TRUE(Encode(L, 1, Limits(), &blob).ok());
  int count = 0;
  status = Decode(L, blob, DecodeOptions(), &count);
  EXPECT_EQ(status.message(),
            "luv.test.handle handle 99 is unknown in this process at byte 6");
  EXPECT_EQ(lua_gettop(L), 0);
}

}  // namespace
}  // namespace luv::codec
