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

// luv.process.spawn(cmd, options) and the process methods: wait, kill.
//
// A process object is a table (so that `proc.pid` reads like a field) with
// the metatable "luv.process"; it holds the userdata that owns the record
// under a private key, and the pipes given as its stdio under `stdin`,
// `stdout`, `stderr`. A process object collected while its child runs lets
// the record go on watching, so the child is still reaped.
//
// spawn reads its arguments in three steps, so that no C++ object is alive
// while Lua may raise: (1) check every option with raw reads (no metamethod
// of the caller's runs, so nothing read can be dropped or collected
// meanwhile), collecting the strings in a scratch table and anchoring the
// stdio values on the stack; (2) build the spawn options from that and
// spawn, without calling anything that raises; (3) build the result.
#include "luv/lua/lua_process.h"

#include <cmath>
#include <cstring>
#include <string>

#include "luv/lua/lua_file.h"
#include "luv/lua/lua_pipe.h"
#include "luv/lua/lua_select.h"
#include "luv/lua/lua_signal.h"
#include "luv/lua/lua_sched.h"
#include "luv/lua/lua_stdio.h"
#include "luv/lua/lua_stream.h"
#include "luv/lua/object.h"
#include "luv/lua/support.h"
#include "luv/luacompat/luacompat.h"
#include "luv/uv/process.h"

namespace luv::lua {
namespace {

constexpr char kProcessType[] = "luv.process";
constexpr char kBoxType[] = "luv.process_handle";
// Private key (by address) of the handle userdata in a process table.
const char kHandleKey = 0;

class LuaProcess : public uv::Process, public LuaOwned {
 public:
  LuaProcess(sched::Scheduler* scheduler, const uv::SpawnOptions& options, bool detached)
      : Process(scheduler->loop(), options), scheduler_(scheduler), detached_(detached) {}

  // A process object collected while its child runs still reaps the child.
  void ReleaseFromLua() override { ReleaseWhenExited(); }

  sched::Scheduler* scheduler() const { return scheduler_; }
  sched::WaitList* waiters() { return &waiters_; }
  bool detached() const { return detached_; }

  static int PushExit(lua_State* L, void* process) {
    auto* self = static_cast<LuaProcess*>(process);
    lua_pushinteger(L, static_cast<lua_Integer>(self->exit_status()));
    lua_pushinteger(L, self->term_signal());
    return 2;
  }

 protected:
  void OnExit() override { scheduler_->WakeAll(&waiters_, PushExit, this); }

 private:
  sched::Scheduler* const scheduler_;
  const bool detached_;
  sched::WaitList waiters_;
};

// Stdio entries, read in step 1: trivially destructible.
struct StdioChoice {
  uv::StdioSpec::Kind kind;
  int fd;
  LuaStream* stream;
};

constexpr const char* kStdioNames[] = {"stdin", "stdout", "stderr"};
// The `fd` of stderr's choice "stdout": the child's stderr goes where its
// stdout goes.
constexpr int kSameAsStdout = -2;

// Step 1 for one stdio entry at `index` (absolute).
StdioChoice CheckStdioChoice(lua_State* L, int index, int which) {
  switch (lua_type(L, index)) {
    case LUA_TNIL:
    case LUA_TNONE:
      return {uv::StdioSpec::Kind::kInheritFd, which, nullptr};
    case LUA_TBOOLEAN:
      if (!lua_toboolean(L, index)) return {uv::StdioSpec::Kind::kIgnore, -1, nullptr};
      break;
    case LUA_TSTRING: {
      const char* word = lua_tostring(L, index);
      if (std::strcmp(word, "ignore") == 0) {
        return {uv::StdioSpec::Kind::kIgnore, -1, nullptr};
      }
      if (std::strcmp(word, "inherit") == 0) {
        return {uv::StdioSpec::Kind::kInheritFd, which, nullptr};
      }
      if (which == 2 && std::strcmp(word, "stdout") == 0) {
        return {uv::StdioSpec::Kind::kInheritFd, kSameAsStdout, nullptr};
      }
      break;
    }
    case LUA_TNUMBER: {
      lua_Number fd = lua_tonumber(L, index);
      if (fd >= 0 && fd <= 2147483647 && fd == std::floor(fd)) {
        return {uv::StdioSpec::Kind::kInheritFd, static_cast<int>(fd), nullptr};
      }
      break;
    }
    case LUA_TUSERDATA: {
      int standard = TestStdio(L, index);
      if (standard >= 0) return {uv::StdioSpec::Kind::kInheritFd, standard, nullptr};
      if (uv::File* file = TestFileArg(L, index)) {
        if (file->closed() || file->fd() < 0) {
          luaL_error(L, "luv.process.spawn: option %s is a closed file", kStdioNames[which]);
        }
        return {uv::StdioSpec::Kind::kInheritFd, static_cast<int>(file->fd()), nullptr};
      }
      if (LuaStream* stream = TestStream(L, index)) {
        if (stream->closing()) {
          luaL_error(L, "luv.process.spawn: option %s is a closed stream",
                     kStdioNames[which]);
        }
        if (stream->fileno() >= 0) {
          return {uv::StdioSpec::Kind::kInheritStream, -1, stream};
        }
        if (stream->type() == uv::StreamType::kPipe) {
          return {uv::StdioSpec::Kind::kCreatePipe, -1, stream};
        }
        luaL_error(L, "luv.process.spawn: option %s is a stream that is not open",
                   kStdioNames[which]);
      }
      break;
    }
    default:
      break;
  }
  luaL_error(L,
             "luv.process.spawn: option %s must be nil, false, \"ignore\", \"inherit\", "
             "a descriptor number, a fresh luv.pipe.create(), an open stream, an open "
             "luv.file or luv.stdin/stdout/stderr%s",
             kStdioNames[which], which == 2 ? " (or \"stdout\": where stdout goes)" : "");
  return {};
}

// Appends the string on top (popped) to the scratch table at `scratch`.
void Collect(lua_State* L, int scratch) {
  lua_rawseti(L, scratch, static_cast<int>(compat::RawLen(L, scratch)) + 1);
}

// A string argument without NUL bytes, or a number (converted); raises.
void CheckText(lua_State* L, int index, const char* what) {
  int type = lua_type(L, index);
  if (type != LUA_TSTRING && type != LUA_TNUMBER) {
    luaL_error(L, "luv.process.spawn: %s must be a string, got %s", what,
               luaL_typename(L, index));
  }
  size_t length;
  const char* text = lua_tolstring(L, index, &length);
  if (std::memchr(text, '\0', length) != nullptr) {
    luaL_error(L, "luv.process.spawn: %s contains a NUL byte", what);
  }
}

// Step 1 for `env` at `index`: "NAME=value" strings into the scratch table;
// returns how many.
int CheckEnv(lua_State* L, int index, int scratch) {
  luaL_checkstack(L, 4, "luv.process.spawn");
  int count = 0;
  lua_pushnil(L);
  while (lua_next(L, index) != 0) {
    if (++count >= static_cast<int>(uv::Process::kMaxArgs)) {
      luaL_error(L, "luv.process.spawn: too many env entries");
    }
    if (lua_type(L, -2) == LUA_TNUMBER) {  // {"NAME=value", ...}
      CheckText(L, -1, "an env entry");
      const char* entry = lua_tostring(L, -1);
      const char* equals = std::strchr(entry, '=');
      if (equals == nullptr || equals == entry) {
        luaL_error(L, "luv.process.spawn: env entry '%s' is not NAME=value", entry);
      }
      lua_pushvalue(L, -1);
    } else if (lua_type(L, -2) == LUA_TSTRING) {  // {NAME = "value"}
      CheckText(L, -2, "an env name");
      CheckText(L, -1, "an env value");
      const char* name = lua_tostring(L, -2);
      if (name[0] == '\0' || std::strchr(name, '=') != nullptr) {
        luaL_error(L, "luv.process.spawn: env name '%s' is empty or has '='", name);
      }
      lua_pushvalue(L, -2);
      lua_pushliteral(L, "=");
      lua_pushvalue(L, -3);
      lua_concat(L, 3);
    } else {
      luaL_error(L, "luv.process.spawn: env keys must be names or indices");
    }
    Collect(L, scratch);
    lua_pop(L, 1);
  }
  return count;
}

// The string at `scratch[index]` as a std::string (step 2; never raises:
// only strings were collected, and a slot was checked for).
std::string Scratch(lua_State* L, int scratch, int index) {
  lua_rawgeti(L, scratch, index);
  size_t length;
  const char* text = lua_tolstring(L, -1, &length);
  std::string copy(text, length);
  lua_pop(L, 1);
  return copy;
}

// Step 2: the options from what step 1 read, and the spawn. Returns the new
// record (check its init_status()).
// What step 1 read: trivially destructible.
struct SpawnPlan {
  int nargs = 0;
  int nenv = 0;
  int nenv_add = 0;
  bool has_env = false;
  bool has_cwd = false;
  bool detached = false;
  bool has_uid = false;
  bool has_gid = false;
  uint32_t uid = 0;
  uint32_t gid = 0;
  StdioChoice stdio[3] = {
      {uv::StdioSpec::Kind::kInheritFd, 0, nullptr},
      {uv::StdioSpec::Kind::kInheritFd, 1, nullptr},
      {uv::StdioSpec::Kind::kInheritFd, 2, nullptr},
  };
};

LuaProcess* Spawn(lua_State* L, sched::Scheduler* scheduler, int scratch,
                  const SpawnPlan& plan) {
  uv::SpawnOptions options;
  int slot = 1;
  options.file = Scratch(L, scratch, slot++);
  for (int i = 0; i < plan.nargs; ++i) options.args.push_back(Scratch(L, scratch, slot++));
  if (plan.has_cwd) options.cwd = Scratch(L, scratch, slot++);
  if (plan.has_env) {
    options.env.emplace();
    for (int i = 0; i < plan.nenv; ++i) options.env->push_back(Scratch(L, scratch, slot++));
  }
  for (int i = 0; i < plan.nenv_add; ++i) options.env_add.push_back(Scratch(L, scratch, slot++));
  for (int i = 0; i < 3; ++i) {
    const StdioChoice& choice = plan.stdio[i];
    options.stdio[i] = uv::StdioSpec{choice.kind, choice.fd, choice.stream};
  }
  options.stderr_to_stdout = plan.stdio[2].fd == kSameAsStdout;
  if (options.stderr_to_stdout) options.stdio[2] = uv::StdioSpec::Ignore();
  options.detached = plan.detached;
  if (plan.has_uid) options.uid = plan.uid;
  if (plan.has_gid) options.gid = plan.gid;
  return new LuaProcess(scheduler, options, plan.detached);
}

// Stack slots of LProcessSpawn: the arguments, the scratch strings, the
// stdio values as read (anchored there until the spawn is done), then the
// process object and the handle's box.
constexpr int kOptions = 2;
constexpr int kScratch = 3;
constexpr int kFirstStdio = 4;  // 4, 5, 6: stdin, stdout, stderr
constexpr int kObject = 7;
constexpr int kBox = 8;

// Pushes options[name], read raw: no metamethod runs, so nothing can drop
// or collect what an earlier read found.
void RawField(lua_State* L, const char* name) {
  lua_pushstring(L, name);
  lua_rawget(L, kOptions);
}

// Unknown keys are errors: a misspelt option should not pass silently.
void CheckOptionNames(lua_State* L) {
  static const char* const kKnown[] = {"env",    "env_add", "cwd", "stdin", "stdout",
                                       "stderr", "detach",  "uid", "gid"};
  lua_pushnil(L);
  while (lua_next(L, kOptions) != 0) {
    lua_pop(L, 1);
    if (lua_type(L, -1) == LUA_TNUMBER) continue;
    bool known = false;
    if (lua_type(L, -1) == LUA_TSTRING) {
      for (const char* name : kKnown) known = known || std::strcmp(name, lua_tostring(L, -1)) == 0;
    }
    if (!known) {
      const char* name =
          lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : luaL_typename(L, -1);
      luaL_error(L, "luv.process.spawn: unknown option '%s'", name);
    }
  }
}

// Step 1 for `uid` or `gid`: an integer from 0 to 2^32 - 2; false if absent.
bool CheckId(lua_State* L, const char* name, uint32_t* id) {
  RawField(L, name);
  bool present = !lua_isnil(L, -1);
  if (present) {
    lua_Number number = lua_type(L, -1) == LUA_TNUMBER ? lua_tonumber(L, -1) : -1;
    if (!(number >= 0 && number < 4294967295.0) || number != std::floor(number)) {
      luaL_error(L, "luv.process.spawn: %s must be an integer from 0 to 4294967294, got %s",
                 name, lua_type(L, -1) == LUA_TNUMBER ? lua_tostring(L, -1)
                                                       : luaL_typename(L, -1));
    }
    *id = static_cast<uint32_t>(number);
  }
  lua_pop(L, 1);
  return present;
}

// Step 1: checks every option, collecting strings in the scratch table and
// the stdio values in their slots. Raises on a bad option; runs no Lua code
// of the caller's (every read is raw).
void ReadSpawnOptions(lua_State* L, SpawnPlan* plan) {
  CheckOptionNames(L);
  int count = static_cast<int>(compat::RawLen(L, kOptions));
  if (count >= static_cast<int>(uv::Process::kMaxArgs)) {
    luaL_error(L, "luv.process.spawn: too many arguments");
  }
  for (int i = 1; i <= count; ++i) {
    lua_rawgeti(L, kOptions, i);
    CheckText(L, -1, "an argument");
    lua_tostring(L, -1);
    Collect(L, kScratch);
    ++plan->nargs;
  }
  RawField(L, "cwd");
  if (!lua_isnil(L, -1)) {
    CheckText(L, -1, "cwd");
    lua_tostring(L, -1);
    Collect(L, kScratch);
    plan->has_cwd = true;
  } else {
    lua_pop(L, 1);
  }
  RawField(L, "env");
  if (!lua_isnil(L, -1)) {
    if (!lua_istable(L, -1)) luaL_error(L, "luv.process.spawn: env must be a table");
    plan->nenv = CheckEnv(L, lua_gettop(L), kScratch);
    plan->has_env = true;
  }
  lua_pop(L, 1);
  RawField(L, "env_add");
  if (!lua_isnil(L, -1)) {
    if (!lua_istable(L, -1)) luaL_error(L, "luv.process.spawn: env_add must be a table");
    plan->nenv_add = CheckEnv(L, lua_gettop(L), kScratch);
  }
  lua_pop(L, 1);
  plan->has_uid = CheckId(L, "uid", &plan->uid);
  plan->has_gid = CheckId(L, "gid", &plan->gid);
  for (int i = 0; i < 3; ++i) {
    RawField(L, kStdioNames[i]);
    lua_replace(L, kFirstStdio + i);
    plan->stdio[i] = CheckStdioChoice(L, kFirstStdio + i, i);
  }
  for (int i = 0; i < 3; ++i) {
    for (int j = i + 1; j < 3; ++j) {
      if (plan->stdio[i].kind == uv::StdioSpec::Kind::kCreatePipe &&
          plan->stdio[i].stream == plan->stdio[j].stream) {
        luaL_error(L,
                   "luv.process.spawn: the same fresh pipe cannot be both %s "
                   "and %s (to merge stderr into stdout, give stderr = \"stdout\")",
                   kStdioNames[i], kStdioNames[j]);
      }
    }
  }
  RawField(L, "detach");
  plan->detached = lua_toboolean(L, -1);
  lua_pop(L, 1);
}

// Step 3: fills the process object with the handle, the pid and the stdio
// streams given.
void FillProcessObject(lua_State* L, const SpawnPlan& plan, int pid) {
  lua_pushlightuserdata(L, const_cast<char*>(&kHandleKey));
  lua_pushvalue(L, kBox);
  lua_rawset(L, kObject);
  lua_pushinteger(L, pid);
  lua_setfield(L, kObject, "pid");
  for (int i = 0; i < 3; ++i) {
    if (plan.stdio[i].stream == nullptr) continue;
    lua_pushvalue(L, kFirstStdio + i);
    lua_setfield(L, kObject, kStdioNames[i]);
  }
  if (plan.stdio[2].fd == kSameAsStdout && plan.stdio[1].stream != nullptr) {
    lua_pushvalue(L, kFirstStdio + 1);  // stderr is the stdout stream
    lua_setfield(L, kObject, "stderr");
  }
}

// luv.process.spawn(cmd, {args..., env =, cwd =, stdin =, stdout =, stderr =,
// detach =}) -> process | nil, message, code
int LProcessSpawn(lua_State* L) {
  sched::Scheduler* scheduler = UpScheduler(L);
  luaL_checkstring(L, 1);
  CheckText(L, 1, "cmd");
  bool has_options = !lua_isnoneornil(L, kOptions);
  if (has_options) luaL_checktype(L, kOptions, LUA_TTABLE);
  lua_settop(L, kOptions);
  luaL_checkstack(L, 12, "luv.process.spawn");
  lua_newtable(L);  // kScratch
  for (int i = 0; i < 3; ++i) lua_pushnil(L);  // the stdio slots
  lua_pushvalue(L, 1);
  lua_tostring(L, -1);  // a number becomes its text
  Collect(L, kScratch);

  SpawnPlan plan;
  if (has_options) ReadSpawnOptions(L, &plan);

  // The result table and the handle's box exist before the record does.
  lua_createtable(L, 0, 5);  // kObject
  luaL_getmetatable(L, kProcessType);
  lua_setmetatable(L, -2);
  ObjectBox* box = PushObjectBox(L, kBoxType);  // kBox
  luaL_checkstack(L, 4, "luv.process.spawn");

  // Step 2.
  LuaProcess* process = Spawn(L, scheduler, kScratch, plan);
  if (!process->init_status().ok()) {
    // libuv may have connected the fresh pipes to a child that never ran:
    // they would read EOF and fail to write, so they are closed instead.
    for (const StdioChoice& choice : plan.stdio) {
      if (choice.kind == uv::StdioSpec::Kind::kCreatePipe) choice.stream->CloseAndWake();
    }
    int pushed = PushFailure(L, process->init_status());
    process->Release();
    return pushed >= 0 ? pushed : lua_error(L);
  }
  box->owned = process;
  FillProcessObject(L, plan, process->pid());
  lua_settop(L, kObject);
  return 1;
}

LuaProcess* CheckProcess(lua_State* L, int index = 1) {
  if (index < 0) index = lua_gettop(L) + index + 1;
  luaL_checktype(L, index, LUA_TTABLE);
  lua_getmetatable(L, index);
  luaL_getmetatable(L, kProcessType);
  bool is_process = lua_rawequal(L, -1, -2);
  lua_pop(L, 2);
  if (!is_process) luaL_argerror(L, index, "luv.process expected");
  lua_pushlightuserdata(L, const_cast<char*>(&kHandleKey));
  lua_rawget(L, index);
  ObjectBox* box = TestObjectBox(L, -1, kBoxType);
  lua_pop(L, 1);
  if (box == nullptr || box->owned == nullptr) luaL_argerror(L, index, "not a live process");
  return static_cast<LuaProcess*>(box->owned);
}

// process:wait() -> exit_status, term_signal. Suspends until the child
// exits; at once if it has. `term_signal` is 0 unless a signal ended it.
int LProcessWait(lua_State* L) {
  LuaProcess* process = CheckProcess(L);
  if (process->exited()) return LuaProcess::PushExit(L, process);
  sched::State* self = CheckBlockingState(L, process->scheduler(), "process:wait()");
  if (process->detached()) process->KeepLoopAlive(true);
  process->scheduler()->Wait(process->waiters(), self);
  return Block(L, process->scheduler(), self, "process:wait()", 1);
}

// process:kill([signal = "SIGTERM"]) -> true | nil, message, code.
int LProcessKill(lua_State* L) {
  LuaProcess* process = CheckProcess(L);
  int signal = lua_isnoneornil(L, 2) ? SIGTERM
                                     : CheckSignalArg(L, 2, SignalUse::kProbeOrSend);
  Result result = process->Kill(signal);
  return ReturnTrue(L, result);
}

// luv.process.kill(pid[, signal = "SIGTERM"]) -> true | nil, message, code:
// any process, by its id (a positive integer).
int LProcessKillPid(lua_State* L) {
  lua_Number pid = luaL_checknumber(L, 1);
  if (!(pid >= 1 && pid <= 2147483647.0) || pid != std::floor(pid)) {
    return luaL_argerror(L, 1, "pid must be a positive integer (a process id)");
  }
  int signal = lua_isnoneornil(L, 2) ? SIGTERM
                                     : CheckSignalArg(L, 2, SignalUse::kProbeOrSend);
  Result result = uv::KillPid(static_cast<int>(pid), signal);
  return ReturnTrue(L, result);
}

// luv.select support: a process is ready once its child has exited.
bool ProcessSelectReady(lua_State* L, int index) {
  return CheckProcess(L, index)->exited();
}

bool ProcessSelectAdd(lua_State* L, int index, sched::WaitNode* node) {
  LuaProcess* process = CheckProcess(L, index);
  if (process->exited()) return true;
  if (process->detached()) process->KeepLoopAlive(true);
  process->waiters()->Add(node);
  return false;
}

constexpr luaL_Reg kMethods[] = {
    {"wait", LProcessWait},
    {"kill", LProcessKill},
    {nullptr, nullptr},
};

constexpr luaL_Reg kNoMethods[] = {{nullptr, nullptr}};

constexpr luaL_Reg kFunctions[] = {
    {"spawn", LProcessSpawn},
    {"kill", LProcessKillPid},
    {nullptr, nullptr},
};

}  // namespace

void OpenProcess(lua_State* L, sched::Scheduler* scheduler) {
  RegisterWaitable(kProcessType, {ProcessSelectReady, ProcessSelectAdd});
  NewClass(L, kProcessType, kMethods);
  lua_pop(L, 1);
  NewObjectClass(L, kBoxType, kNoMethods);
  lua_pop(L, 1);
  lua_newtable(L);
  SetClosures(L, kFunctions, scheduler);
  lua_setfield(L, -2, "process");
}

}  // namespace luv::lua
