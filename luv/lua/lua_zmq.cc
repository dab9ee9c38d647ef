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

// luv.zmq: create, constants, version; luv.zmq.context: socket, term, get,
// set; the context's identity across threads.
#include "luv/lua/lua_zmq.h"

#include <zmq.h>

#include <memory>

#include "luv/codec/identity.h"
#include "luv/lua/lua_sched.h"
#include "luv/lua/lua_zmq_option.h"
#include "luv/lua/lua_zmq_socket.h"
#include "luv/lua/object.h"
#include "luv/lua/support.h"
#include "luv/zmq/context.h"
#include "luv/zmq/options.h"

namespace luv::lua {
namespace {

constexpr char kContextType[] = "luv.zmq.context";

// Its address is the registry key of this state's table id -> context
// userdata (weak values), so that a context decoded twice is the same
// object. Not const, so no linker folds it with another constant.
char kCacheKey = 0;

// The record of a luv.zmq.context object: this state's reference to the
// shared context. Letting go drops the reference; the context itself goes
// when no state and no socket holds it.
class ContextRef final : public LuaOwned {
 public:
  explicit ContextRef(std::shared_ptr<zmq::Context> context)
      : context(std::move(context)) {}
  void ReleaseFromLua() override { delete this; }

  const std::shared_ptr<zmq::Context> context;
};

const std::shared_ptr<zmq::Context>& CheckContext(lua_State* L, int index) {
  return CheckObject<ContextRef>(L, index, kContextType)->context;
}

void PushCache(lua_State* L) {
  lua_pushlightuserdata(L, &kCacheKey);
  lua_rawget(L, LUA_REGISTRYINDEX);
}

// Records the object on top as this state's object for `id`. May raise.
void Remember(lua_State* L, uint64_t id) {
  PushCache(L);
  if (lua_istable(L, -1)) {
    lua_pushnumber(L, static_cast<lua_Number>(id));  // exact below 2^53
    lua_pushvalue(L, -3);
    lua_rawset(L, -3);
  }
  lua_pop(L, 1);
}

// Lua-free, so that no shared_ptr lives in a frame a raise can skip.
luv::Status CreateInto(ObjectBox* box, int io_threads) {
  luv::StatusOr<std::shared_ptr<zmq::Context>> context =
      zmq::Context::Create(io_threads);
  if (!context.ok()) return context.status();
  box->owned = new ContextRef(*std::move(context));
  return luv::OkStatus();
}

// Identity type: a message that carries the context pins it.
bool LendContext(lua_State* L, int index, std::shared_ptr<void>* object) {
  ObjectBox* box = TestObjectBox(L, index, kContextType);
  if (box == nullptr || box->owned == nullptr) return false;
  *object = static_cast<ContextRef*>(box->owned)->context;
  return true;
}

// This state's userdata for the context: the one it has already (so that
// decode(encode(ctx)) == ctx), else a new one.
int PushLentContext(lua_State* L, const std::shared_ptr<void>& object) {
  uint64_t id = static_cast<zmq::Context*>(object.get())->id();
  PushCache(L);
  if (lua_istable(L, -1)) {
    lua_pushnumber(L, static_cast<lua_Number>(id));  // exact below 2^53
    lua_rawget(L, -2);
  } else {
    lua_pushnil(L);
  }
  lua_remove(L, -2);
  if (lua_isuserdata(L, -1)) return 1;
  lua_pop(L, 1);
  ObjectBox* box = PushObjectBox(L, kContextType);
  box->owned = new ContextRef(std::static_pointer_cast<zmq::Context>(object));
  Remember(L, id);
  return 1;
}

// luv.zmq.create([nthreads]) -> context
int LZmqCreate(lua_State* L) {
  lua_Integer threads = luaL_optinteger(L, 1, 1);
  if (threads < 0 || threads > zmq::Context::kMaxIoThreads) {
    luaL_argerror(
        L, 1,
        lua_pushfstring(L, "nthreads must be 0 to %d", zmq::Context::kMaxIoThreads));
  }
  ObjectBox* box = PushObjectBox(L, kContextType);
  Result result = CreateInto(box, static_cast<int>(threads));
  if (!result.ok()) return PushFail(L, result);
  Remember(L, static_cast<ContextRef*>(box->owned)->context->id());
  return 1;
}

// luv.zmq.version() -> major, minor, patch (of libzmq)
int LZmqVersion(lua_State* L) {
  int major, minor, patch;
  zmq_version(&major, &minor, &patch);
  lua_pushinteger(L, major);
  lua_pushinteger(L, minor);
  lua_pushinteger(L, patch);
  return 3;
}

// zmq.context:socket(type) -> socket. `type`: luv.zmq.PUB etc., or its
// name ("PUB").
int LContextSocket(lua_State* L) {
  const std::shared_ptr<zmq::Context>& context = CheckContext(L, 1);
  int type = -1;
  if (lua_type(L, 2) == LUA_TSTRING) {
    size_t size;
    const char* name = lua_tolstring(L, 2, &size);
    type = zmq::FindSocketType(std::string_view(name, size));
  } else {
    lua_Number number = luaL_checknumber(L, 2);
    if (number >= 0 && number <= 64 && zmq::SocketTypeName(static_cast<int>(number)) &&
        static_cast<int>(number) == number) {
      type = static_cast<int>(number);
    }
  }
  if (type < 0) luaL_argerror(L, 2, "unknown socket type");
  return PushNewSocket(L, GetScheduler(L), context, type);
}

// zmq.context:term() -> true. Shuts the context down: from now on its
// sockets, in every thread, fail with ETERM, and waiting calls wake with
// it. Its resources go once every socket is closed and no state holds it.
int LContextTerm(lua_State* L) {
  Result result = CheckContext(L, 1)->Shutdown();
  return ReturnTrue(L, result);
}

// Pushes the option's value (a boolean for on/off options); -1: raise.
int PushContextOption(lua_State* L, const zmq::Context& context,
                      const zmq::Option& option) {
  luv::StatusOr<int> value = context.Get(option);
  if (!value.ok()) return PushFailure(L, value.status());
  if (option.type == zmq::OptionType::kBool) {
    lua_pushboolean(L, *value != 0);
  } else {
    lua_pushinteger(L, *value);
  }
  return 1;
}

// zmq.context:get(name) -> value
int LContextGet(lua_State* L) {
  const zmq::Context& context = *CheckContext(L, 1);
  const zmq::Option* option = CheckContextOption(L, 2, zmq::kRead);
  if (option == nullptr) return PushUnknownOption(L, 2, "context option");
  int pushed = PushContextOption(L, context, *option);
  return pushed >= 0 ? pushed : lua_error(L);
}

// zmq.context:set(name, value) -> true
int LContextSet(lua_State* L) {
  zmq::Context& context = *CheckContext(L, 1);
  const zmq::Option* option = CheckContextOption(L, 2, zmq::kWrite);
  if (option == nullptr) return PushUnknownOption(L, 2, "context option");
  int64_t value = CheckOptionInteger(L, 3, *option);
  if (value < INT32_MIN || value > INT32_MAX)
    luaL_argerror(L, 3, "out of the range of an int");
  Result result = context.Set(*option, static_cast<int>(value));
  return ReturnTrue(L, result);
}

constexpr luaL_Reg kMethods[] = {
    {"socket", LContextSocket}, {"term", LContextTerm}, {"get", LContextGet},
    {"set", LContextSet},       {nullptr, nullptr},
};

constexpr luaL_Reg kFunctions[] = {
    {"create", LZmqCreate},
    {"version", LZmqVersion},
    {nullptr, nullptr},
};

struct Constant {
  const char* name;
  int value;
};

constexpr Constant kConstants[] = {
    {"PAIR", ZMQ_PAIR},
    {"PUB", ZMQ_PUB},
    {"SUB", ZMQ_SUB},
    {"REQ", ZMQ_REQ},
    {"REP", ZMQ_REP},
    {"DEALER", ZMQ_DEALER},
    {"ROUTER", ZMQ_ROUTER},
    {"PULL", ZMQ_PULL},
    {"PUSH", ZMQ_PUSH},
    {"XPUB", ZMQ_XPUB},
    {"XSUB", ZMQ_XSUB},
    {"STREAM", ZMQ_STREAM},
    {"DONTWAIT", ZMQ_DONTWAIT},
    {"SNDMORE", ZMQ_SNDMORE},
    // An option (getsockopt): whether more frames of the message follow.
    {"RCVMORE", ZMQ_RCVMORE},
    // The bits of getsockopt("EVENTS").
    {"POLLIN", ZMQ_POLLIN},
    {"POLLOUT", ZMQ_POLLOUT},
};

bool RegisterIdentity() {
  return codec::RegisterIdentityType(
             {kContextType, LendContext, PushLentContext})
      .ok();
}

}  // namespace

void OpenZmq(lua_State* L, sched::Scheduler* scheduler) {
  if (!RegisterIdentity())
    luaL_error(L, "luv: cannot register luv.zmq.context with the codec");
  NewObjectClass(L, kContextType, kMethods);
  lua_pop(L, 1);
  OpenZmqSocket(L);

  lua_pushlightuserdata(L, &kCacheKey);
  lua_newtable(L);
  lua_newtable(L);
  lua_pushliteral(L, "v");
  lua_setfield(L, -2, "__mode");
  lua_setmetatable(L, -2);
  lua_rawset(L, LUA_REGISTRYINDEX);

  lua_newtable(L);
  SetClosures(L, kFunctions, scheduler);
  for (const Constant& constant : kConstants) {
    lua_pushinteger(L, constant.value);
    lua_setfield(L, -2, constant.name);
  }
  lua_setfield(L, -2, "zmq");
}

}  // namespace luv::lua
