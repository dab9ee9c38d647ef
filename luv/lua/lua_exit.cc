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

#include "luv/lua/lua_exit.h"

#include <cstdlib>

#include "luv/sched/thread_registry.h"

namespace luv::lua {
namespace {

// os.exit([code[, close]]): `code` is true (success, the default), false
// (failure) or a number; `close` is accepted and ignored, as the state is
// always closed. Never returns.
int LOsExit(lua_State* L) {
  int status = EXIT_SUCCESS;
  if (lua_isboolean(L, 1)) {
    status = lua_toboolean(L, 1) ? EXIT_SUCCESS : EXIT_FAILURE;
  } else if (!lua_isnoneornil(L, 1)) {
    status = static_cast<int>(luaL_checkinteger(L, 1));
  }
  // lua_close closes the main state whichever coroutine calls it, and
  // nothing runs on this C stack afterwards: exit follows at once.
  lua_close(L);
  std::exit(status);
}

}  // namespace

void OpenExit(lua_State* L) {
  // A luv thread's os.exit ends the process under a running main state:
  // closing the thread's own state first would change nothing there.
  if (sched::IsLuvThread()) return;
  luaL_checkstack(L, 2, "opening luv");
  lua_getglobal(L, "os");
  if (lua_istable(L, -1)) {
    lua_pushcfunction(L, LOsExit);
    lua_setfield(L, -2, "exit");
  }
  lua_pop(L, 1);
}

}  // namespace luv::lua
