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

#include "luv/lua/lua_tls.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "luv/lua/lua_stream.h"
#include "luv/lua/lua_stream_reads.h"
#include "luv/lua/object.h"
#include "luv/lua/result.h"
#include "luv/lua/support.h"
#include "luv/protect/protect.h"
#include "luv/tls/context.h"
#include "luv/tls/session.h"
#include "luv/tls/stream_filter.h"

namespace luv::lua {
namespace {

constexpr char kContextType[] = "luv.tls.context";

// A context's record; sessions keep what they need of it alive on their
// own, so it can go with its Lua object.
class LuaTlsContext : public LuaOwned {
 public:
  explicit LuaTlsContext(std::unique_ptr<tls::Context> context)
      : context_(std::move(context)) {}
  tls::Context& context() { return *context_; }
  void ReleaseFromLua() override { delete this; }

 private:
  std::unique_ptr<tls::Context> context_;
};

// --- luv.tls.context(options) ------------------------------------------------

[[noreturn]] void OptionError(lua_State* L, const char* key, const char* problem) {
  luaL_argerror(L, 1, lua_pushfstring(L, "option '%s' %s", key, problem));
  std::abort();  // not reached: luaL_argerror raises
}

enum class OptionType { kBoolean, kString, kVersion, kNames };

struct OptionSpec {
  const char* key;
  OptionType type;
};

constexpr OptionSpec kContextOptions[] = {
    {"server", OptionType::kBoolean},
    {"cert", OptionType::kString},
    {"key", OptionType::kString},
    {"ca", OptionType::kString},
    {"ca_dir", OptionType::kString},
    {"min_version", OptionType::kVersion},
    {"max_version", OptionType::kVersion},
    {"ciphers", OptionType::kString},
    {"ciphersuites", OptionType::kString},
    {"alpn", OptionType::kNames},
    {"insecure", OptionType::kBoolean},
    {"request_client_cert", OptionType::kBoolean},
    {"require_client_cert", OptionType::kBoolean},
};

// Checks the value on top of the stack as option `spec`; raises.
void CheckOption(lua_State* L, const OptionSpec& spec) {
  int type = lua_type(L, -1);
  switch (spec.type) {
    case OptionType::kBoolean:
      if (type != LUA_TBOOLEAN) OptionError(L, spec.key, "must be a boolean");
      return;
    case OptionType::kString:
      if (type != LUA_TSTRING) OptionError(L, spec.key, "must be a string");
      return;
    case OptionType::kVersion: {
      const char* version = type == LUA_TSTRING ? lua_tostring(L, -1) : "";
      if (std::strcmp(version, "1.2") != 0 && std::strcmp(version, "1.3") != 0) {
        OptionError(L, spec.key, "must be \"1.2\" or \"1.3\"");
      }
      return;
    }
    case OptionType::kNames:
      if (type != LUA_TTABLE) OptionError(L, spec.key, "must be an array of protocol names");
      for (int i = 1;; ++i) {
        lua_rawgeti(L, -1, i);
        if (lua_isnil(L, -1)) break;
        size_t size = 0;
        if (lua_type(L, -1) == LUA_TSTRING) lua_tolstring(L, -1, &size);
        if (size < 1 || size > 255) {
          OptionError(L, spec.key, "must be an array of protocol names of 1 to 255 bytes");
        }
        lua_pop(L, 1);
      }
      lua_pop(L, 1);
      return;
  }
}

// Checks every option of the table at index 1; raises for an unknown or
// bad one. Nothing with a destructor lives here.
void CheckContextOptions(lua_State* L) {
  lua_pushnil(L);
  while (lua_next(L, 1) != 0) {
    const OptionSpec* spec = nullptr;
    if (lua_type(L, -2) == LUA_TSTRING) {
      for (const OptionSpec& option : kContextOptions) {
        if (std::strcmp(lua_tostring(L, -2), option.key) == 0) spec = &option;
      }
      if (spec == nullptr) {
        luaL_argerror(L, 1, lua_pushfstring(L, "unknown option '%s'", lua_tostring(L, -2)));
      }
    } else {
      luaL_argerror(L, 1, lua_pushfstring(L, "option names are strings, got %s",
                                          luaL_typename(L, -2)));
    }
    CheckOption(L, *spec);
    lua_pop(L, 1);
  }
}

// The checked string option `key` (raw access: nothing runs), or "".
std::string StringOption(lua_State* L, const char* key) {
  lua_pushstring(L, key);
  lua_rawget(L, 1);
  size_t size = 0;
  const char* text = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &size) : "";
  std::string value(text, size);
  lua_pop(L, 1);
  return value;
}

bool BoolOption(lua_State* L, const char* key) {
  lua_pushstring(L, key);
  lua_rawget(L, 1);
  bool value = lua_toboolean(L, -1) != 0;
  lua_pop(L, 1);
  return value;
}

// PEM text (it holds a BEGIN line) or a file name.
void PemOrFile(std::string value, std::string* pem, std::string* file) {
  if (value.empty()) return;
  if (value.find("-----BEGIN") != std::string::npos) {
    *pem = std::move(value);
  } else {
    *file = std::move(value);
  }
}

// Reads the checked options at index 1 into `options`. Raises only when Lua
// runs out of memory.
void ReadContextOptions(lua_State* L, tls::ContextOptions* options) {
  options->server = BoolOption(L, "server");
  PemOrFile(StringOption(L, "cert"), &options->cert_pem, &options->cert_file);
  PemOrFile(StringOption(L, "key"), &options->key_pem, &options->key_file);
  PemOrFile(StringOption(L, "ca"), &options->ca_pem, &options->ca_file);
  options->ca_dir = StringOption(L, "ca_dir");
  options->min_version = StringOption(L, "min_version");
  if (options->min_version.empty()) options->min_version = "1.2";
  options->max_version = StringOption(L, "max_version");
  options->ciphers = StringOption(L, "ciphers");
  options->ciphersuites = StringOption(L, "ciphersuites");
  options->verify = !BoolOption(L, "insecure");
  options->request_client_cert = BoolOption(L, "request_client_cert");
  options->require_client_cert = BoolOption(L, "require_client_cert");
  lua_pushliteral(L, "alpn");
  lua_rawget(L, 1);
  if (lua_type(L, -1) == LUA_TTABLE) {
    for (int i = 1;; ++i) {
      lua_rawgeti(L, -1, i);
      if (lua_isnil(L, -1)) break;
      size_t size;
      const char* name = lua_tolstring(L, -1, &size);
      options->alpn.emplace_back(name, size);
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

// Copies a failure's message into `out` (C++ strings must be gone before
// Lua may raise: it unwinds with longjmp).
void KeepMessage(const luv::Status& status, char* out, size_t size) {
  std::snprintf(out, size, "%.*s", static_cast<int>(status.message().size()),
                status.message().data());
}

// luv.tls.context([options]) -> context | nil, "ETLS: <reason>", "ETLS"
int LTlsContext(lua_State* L) {
  if (lua_isnoneornil(L, 1)) {
    lua_settop(L, 0);
    lua_newtable(L);
  }
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 1);
  CheckContextOptions(L);
  luaL_checkstack(L, 8, "luv.tls.context");
  // The box first: once C++ objects exist, nothing below may raise but an
  // out-of-memory error.
  ObjectBox* box = PushObjectBox(L, kContextType);
  char failure[256] = "";
  {
    tls::ContextOptions options;
    ReadContextOptions(L, &options);
    luv::StatusOr<std::unique_ptr<tls::Context>> context = tls::Context::Create(options);
    if (context.ok()) {
      box->owned = new LuaTlsContext(std::move(*context));
    } else {
      KeepMessage(context.status(), failure, sizeof failure);
    }
  }
  if (failure[0] != '\0') return PushFailf(L, "ETLS", "%s", failure);
  return 1;
}

LuaTlsContext* CheckContext(lua_State* L, int index) {
  return CheckObject<LuaTlsContext>(L, index, kContextType);
}

// context:add_server_name(name, cert, key) -> true | nil, message, "ETLS"
int LContextAddServerName(lua_State* L) {
  LuaTlsContext* context = CheckContext(L, 1);
  size_t name_size;
  const char* name = luaL_checklstring(L, 2, &name_size);
  luaL_checkstring(L, 3);
  luaL_checkstring(L, 4);
  char failure[256] = "";
  {
    tls::CertificateKey certificate;
    PemOrFile(std::string(lua_tostring(L, 3)), &certificate.cert_pem, &certificate.cert_file);
    PemOrFile(std::string(lua_tostring(L, 4)), &certificate.key_pem, &certificate.key_file);
    luv::Status added =
        context->context().AddServerName(std::string_view(name, name_size), certificate);
    if (!added.ok()) KeepMessage(added, failure, sizeof failure);
  }
  if (failure[0] != '\0') return PushFailf(L, "ETLS", "%s", failure);
  lua_pushboolean(L, 1);
  return 1;
}

// --- The handshake -----------------------------------------------------------

// start(stream, context[, server_name]) -> true | nil, message, code: the C
// half of luv.tls.wrap (and of luv.tls.connect, which checked its
// arguments): installs the session and waits for the handshake.
int LTlsStart(lua_State* L) {
  LuaStream* s = TestStream(L, 1);
  if (s == nullptr) GlueTypeError(L, 1, "wrap", "stream");
  ObjectBox* box = TestObjectBox(L, 2, kContextType);
  if (box == nullptr || box->owned == nullptr) GlueTypeError(L, 2, "wrap", kContextType);
  tls::Context& context = static_cast<LuaTlsContext*>(box->owned)->context();
  size_t name_size = 0;
  const char* name = "";
  if (!lua_isnoneornil(L, 3)) name = GlueCheckLString(L, 3, "wrap", &name_size);
  if (s->closing()) return PushLuvError(L, LuvError::kClosed, s->what());
  if (s->filter() != nullptr) {
    return PushFailf(L, "EBUSY", "%s has a TLS session already", s->what());
  }
  // The failure's text outlives the C++ objects (Lua raises with longjmp).
  char failure[256] = "";
  bool bad_name = false;
  {
    luv::StatusOr<std::unique_ptr<tls::Session>> session =
        context.is_server() ? tls::Session::Server(context)
                            : tls::Session::Client(context, std::string_view(name, name_size));
    if (session.ok()) {
      luv::Status installed =
          s->SetFilter(std::make_unique<tls::TlsFilter>(std::move(*session)));
      if (installed.ok()) installed = s->StartReading();
      if (!installed.ok()) KeepMessage(installed, failure, sizeof failure);
    } else {
      bad_name = session.status().code() == luv::StatusCode::kInvalidArgument;
      KeepMessage(session.status(), failure, sizeof failure);
    }
  }
  if (bad_name) GlueArgError(L, 3, "wrap", failure);
  if (failure[0] != '\0') return PushFailf(L, "ETLS", "%s: %s", failure, s->what());
  ReadWant want;
  want.kind = ReadWant::Kind::kFilterReady;
  want.call = "luv.tls.wrap()";
  return StreamReadWanted(L, s, &want);
}

// check_connect(host, port, context, server_name): luv.tls.connect's
// argument checks, naming 'connect' and the program's line.
int LCheckConnectArgs(lua_State* L) {
  GlueCheckType(L, 1, "connect", LUA_TSTRING);
  lua_Number port = GlueCheckNumber(L, 2, "connect");
  if (!(port >= 0 && port <= 65535) || port != std::floor(port)) {
    GlueArgError(L, 2, "connect", "port must be an integer from 0 to 65535");
  }
  ObjectBox* box = TestObjectBox(L, 3, kContextType);
  if (box == nullptr || box->owned == nullptr) GlueTypeError(L, 3, "connect", kContextType);
  if (!lua_isnoneornil(L, 4)) GlueCheckType(L, 4, "connect", LUA_TSTRING);
  return 0;
}

// luv.tls.wrap(stream, context[, server_name]) -> stream | nil, message,
// code; luv.tls.connect(host, port, context[, server_name]) -> tcp | nil,
// message, code. A failed handshake closes the stream: nothing leaks.
constexpr char kGlue[] = R"lua(
local start, check_connect, new_tcp = ...
local function wrap(stream, context, server_name)
  local ok, err, code = start(stream, context, server_name)  -- not a tail
  if ok then return stream end                   -- call: errors name the
  stream:close()                                 -- program's line
  return nil, err, code
end
local function connect(host, port, context, server_name)
  check_connect(host, port, context, server_name)
  local tcp = new_tcp()
  local ok, err, code = tcp:connect(host, port)
  if ok then ok, err, code = start(tcp, context, server_name or host) end
  if ok then return tcp end
  tcp:close()
  return nil, err, code
end
return wrap, connect
)lua";

// --- Inspecting a session ------------------------------------------------------

const tls::TlsFilter* TlsOf(LuaStream* s) {
  auto* filter = dynamic_cast<const tls::TlsFilter*>(s->filter());
  return filter != nullptr && filter->ready() ? filter : nullptr;
}

void SetString(lua_State* L, const char* key, const std::string& value) {
  lua_pushlstring(L, value.data(), value.size());
  lua_setfield(L, -2, key);
}

void SetList(lua_State* L, const char* key, const std::vector<std::string>& values) {
  lua_createtable(L, static_cast<int>(values.size()), 0);
  for (size_t i = 0; i < values.size(); ++i) {
    lua_pushlstring(L, values[i].data(), values[i].size());
    lua_rawseti(L, -2, static_cast<int>(i + 1));
  }
  lua_setfield(L, -2, key);
}

int PushTlsInfo(lua_State* L, const tls::TlsFilter* tls) {
  tls::SessionInfo info = tls->session().info();
  return PushProtected(L, [&info](lua_State* L) {
    lua_createtable(L, 0, 5);
    SetString(L, "version", info.version);
    SetString(L, "cipher", info.cipher);
    if (!info.alpn.empty()) SetString(L, "alpn", info.alpn);
    if (!info.server_name.empty()) SetString(L, "server_name", info.server_name);
    lua_pushboolean(L, info.resumed);
    lua_setfield(L, -2, "resumed");
    return 1;
  });
}

// stream:tls_info() -> {version, cipher, alpn, server_name, resumed} | nil
// when the stream speaks no TLS (or its handshake is not done).
int LStreamTlsInfo(lua_State* L) {
  const tls::TlsFilter* tls = TlsOf(CheckStream(L, 1));
  if (tls == nullptr) {
    lua_pushnil(L);
    return 1;
  }
  int pushed = PushTlsInfo(L, tls);  // its C++ objects are gone now
  if (pushed < 0) return lua_error(L);
  return pushed;
}

int PushPeerCertificate(lua_State* L, const tls::TlsFilter* tls) {
  std::optional<tls::PeerCertificate> cert;
  if (tls != nullptr) cert = tls->session().peer_certificate();
  if (!cert) {
    lua_pushnil(L);
    return 1;
  }
  return PushProtected(L, [&cert](lua_State* L) {
    lua_createtable(L, 0, 8);
    SetString(L, "subject", cert->subject);
    SetString(L, "issuer", cert->issuer);
    SetList(L, "dns_names", cert->dns_names);
    SetList(L, "ip_addresses", cert->ip_addresses);
    lua_pushnumber(L, static_cast<lua_Number>(cert->not_before));
    lua_setfield(L, -2, "not_before");
    lua_pushnumber(L, static_cast<lua_Number>(cert->not_after));
    lua_setfield(L, -2, "not_after");
    SetString(L, "fingerprint", cert->sha256_fingerprint);
    SetString(L, "serial", cert->serial);
    return 1;
  });
}

// stream:peer_certificate() -> {subject, issuer, dns_names, ip_addresses,
// not_before, not_after, fingerprint, serial} | nil
int LStreamPeerCertificate(lua_State* L) {
  int pushed = PushPeerCertificate(L, TlsOf(CheckStream(L, 1)));
  if (pushed < 0) return lua_error(L);
  return pushed;
}

constexpr luaL_Reg kContextMethods[] = {
    {"add_server_name", LContextAddServerName},
    {nullptr, nullptr},
};

constexpr luaL_Reg kStreamMethods[] = {
    {"tls_info", LStreamTlsInfo},
    {"peer_certificate", LStreamPeerCertificate},
    {nullptr, nullptr},
};

}  // namespace

void OpenTls(lua_State* L) {
  luaL_checkstack(L, 6, "opening luv");
  NewObjectClass(L, kContextType, kContextMethods);
  lua_pop(L, 1);
  for (const char* type : {"luv.tcp", "luv.pipe"}) {
    luaL_getmetatable(L, type);
    lua_getfield(L, -1, "__index");
    SetFunctions(L, kStreamMethods);
    lua_pop(L, 2);
  }
  lua_newtable(L);  // luv.tls
  lua_pushcfunction(L, LTlsContext);
  lua_setfield(L, -2, "context");
  LoadGlue(L, kGlue, sizeof(kGlue) - 1, "=luv.tls");
  lua_pushcfunction(L, LTlsStart);
  lua_pushcfunction(L, LCheckConnectArgs);
  lua_getfield(L, -5, "net");
  lua_getfield(L, -1, "tcp");
  lua_remove(L, -2);
  lua_call(L, 3, 2);
  lua_setfield(L, -3, "connect");
  lua_setfield(L, -2, "wrap");
  lua_setfield(L, -2, "tls");
}

}  // namespace luv::lua
