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

#include "luv/uv/process.h"

#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

#include "luv/base/strings.h"
#include "luv/uv/environment.h"
#include "luv/uv/pipe.h"
#include "luv/uv/status.h"

namespace luv::uv {
namespace {

bool HasNul(std::string_view text) { return text.find('\0') != std::string_view::npos; }

luv::Status Invalid(std::string_view what) { return UvStatus(UV_EINVAL, what); }

int StdioFlags(const StdioSpec& spec, int index, uv_stdio_container_t* container) {
  switch (spec.kind) {
    case StdioSpec::Kind::kIgnore:
      container->flags = UV_IGNORE;
      return 0;
    case StdioSpec::Kind::kInheritFd:
      container->flags = UV_INHERIT_FD;
      container->data.fd = spec.fd;
      return 0;
    case StdioSpec::Kind::kCreatePipe:
      if (spec.stream == nullptr || spec.stream->type() != StreamType::kPipe) {
        return UV_EINVAL;
      }
      // libuv would open its end of the socketpair into a handle that is
      // closing (nothing closes that descriptor then) or already open.
      if (spec.stream->closing()) return UV_EBADF;
      if (spec.stream->fileno() >= 0) return UV_EBUSY;
      // Flags are the child's view: it reads stdin, writes stdout/stderr.
      container->flags = static_cast<uv_stdio_flags>(
          UV_CREATE_PIPE | (index == 0 ? UV_READABLE_PIPE : UV_WRITABLE_PIPE));
      container->data.stream = spec.stream->stream();
      return 0;
    case StdioSpec::Kind::kInheritStream:
      if (spec.stream == nullptr || spec.stream->closing() || spec.stream->fileno() < 0) {
        return UV_EBADF;
      }
      container->flags = UV_INHERIT_STREAM;
      container->data.stream = spec.stream->stream();
      return 0;
  }
  return UV_EINVAL;
}

bool IsEnvEntry(std::string_view entry) {
  size_t equals = entry.find('=');
  return !HasNul(entry) && equals != std::string_view::npos && equals != 0;
}

// `env` with `env_add` applied (the parent's environment when `env` is
// unset): an added entry replaces the one of the same name.
luv::StatusOr<std::vector<std::string>> MergedEnv(const SpawnOptions& options) {
  std::vector<std::string> merged;
  if (options.env) {
    merged = *options.env;
  } else {
    luv::StatusOr<std::vector<EnvEntry>> inherited = Environ();
    if (!inherited.ok()) return inherited.status();
    for (const EnvEntry& entry : *inherited) merged.push_back(entry.name + "=" + entry.value);
  }
  for (const std::string& entry : options.env_add) {
    if (!IsEnvEntry(entry)) {
      return Invalid("environment entries are NAME=value without NUL bytes");
    }
    std::string_view name(entry.data(), entry.find('=') + 1);  // "NAME="
    bool replaced = false;
    for (std::string& existing : merged) {
      if (luv::StartsWith(existing, name)) {
        existing = entry;
        replaced = true;
      }
    }
    if (!replaced) merged.push_back(entry);
  }
  return merged;
}

// Checks the options, and fills `argv`/`envp` (pointing into `options` and
// `env`, the environment to give the child when it is not inherited).
luv::Status Prepare(const SpawnOptions& options, std::vector<char*>* argv,
                     std::vector<char*>* envp, std::optional<std::vector<std::string>>* env) {
  if (options.file.empty()) return Invalid("empty program name");
  if (HasNul(options.file)) return Invalid("program name contains a NUL byte");
  if (HasNul(options.cwd)) return Invalid("cwd contains a NUL byte");
  if (options.args.size() >= Process::kMaxArgs)
    return UvStatus(UV_E2BIG, "too many args");
  argv->push_back(const_cast<char*>(options.file.c_str()));
  for (const std::string& arg : options.args) {
    if (HasNul(arg)) return Invalid("an argument contains a NUL byte");
    argv->push_back(const_cast<char*>(arg.c_str()));
  }
  argv->push_back(nullptr);
  if (!options.env_add.empty()) {
    luv::StatusOr<std::vector<std::string>> merged = MergedEnv(options);
    if (!merged.ok()) return merged.status();
    *env = *std::move(merged);
  } else {
    *env = options.env;
  }
  if (*env) {
    if ((*env)->size() >= Process::kMaxArgs) {
      return UvStatus(UV_E2BIG, "too many environment entries");
    }
    for (const std::string& entry : **env) {
      if (!IsEnvEntry(entry)) {
        return Invalid("environment entries are NAME=value without NUL bytes");
      }
      envp->push_back(const_cast<char*>(entry.c_str()));
    }
    envp->push_back(nullptr);
  }
  return luv::OkStatus();
}

// A socketpair for a child whose stdout and stderr both go to a fresh pipe:
// libuv's own pipe creation makes one descriptor per stdio entry, so luv
// makes the pair, opens the parent's end into the pipe and gives the
// child's end as both descriptors.
class SharedChildPipe {
 public:
  ~SharedChildPipe() {
    if (child_ >= 0) close(child_);
    if (parent_ >= 0) close(parent_);
  }
  luv::Status Create() {
    int fds[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
      return UvStatus(-errno, "a pipe for the child's stdout and stderr");
    }
    parent_ = fds[0];
    child_ = fds[1];
    return luv::OkStatus();
  }
  int child() const { return child_; }
  // The parent's end goes to `pipe`, which owns it from then on.
  luv::Status OpenInto(Stream* pipe) {
    luv::Status opened = PipeOpen(pipe, parent_);
    if (opened.ok()) parent_ = -1;
    return opened;
  }

 private:
  int parent_ = -1;
  int child_ = -1;
};

}  // namespace

Process::Process(uv_loop_t* loop, const SpawnOptions& options) {
  std::vector<char*> argv;
  std::vector<char*> envp;
  std::optional<std::vector<std::string>> env;
  init_status_ = Prepare(options, &argv, &envp, &env);
  if (!init_status_.ok()) return;
  uv_stdio_container_t stdio[3];
  int own_stdio = options.stderr_to_stdout ? 2 : 3;
  for (int i = 0; i < own_stdio; ++i) {
    int rc = StdioFlags(options.stdio[i], i, &stdio[i]);
    if (rc != 0) {
      static const char* const kNames[] = {"stdin", "stdout", "stderr"};
      init_status_ = UvStatus(rc, luv::StrCat(kNames[i], " is not a usable stream"));
      return;
    }
  }
  SharedChildPipe shared;
  if (options.stderr_to_stdout) {
    stdio[2] = stdio[1];
    if (options.stdio[1].kind == StdioSpec::Kind::kCreatePipe) {
      init_status_ = shared.Create();
      if (!init_status_.ok()) return;
      init_status_ = shared.OpenInto(options.stdio[1].stream);
      if (!init_status_.ok()) return;
      for (int i = 1; i <= 2; ++i) {
        stdio[i].flags = UV_INHERIT_FD;
        stdio[i].data.fd = shared.child();
      }
    }
  }
  uv_process_options_t uv_options;
  std::memset(&uv_options, 0, sizeof(uv_options));
  uv_options.exit_cb = ExitCallback;
  uv_options.file = options.file.c_str();
  uv_options.args = argv.data();
  uv_options.env = env ? envp.data() : nullptr;
  uv_options.cwd = options.cwd.empty() ? nullptr : options.cwd.c_str();
  uv_options.stdio_count = 3;
  uv_options.stdio = stdio;
  if (options.detached) uv_options.flags |= UV_PROCESS_DETACHED;
  if (options.uid) {
    uv_options.flags |= UV_PROCESS_SETUID;
    uv_options.uid = *options.uid;
  }
  if (options.gid) {
    uv_options.flags |= UV_PROCESS_SETGID;
    uv_options.gid = *options.gid;
  }
  int rc = uv_spawn(loop, &process_, &uv_options);
  // uv_spawn initializes the handle even when it fails: it must be closed.
  Attach(reinterpret_cast<uv_handle_t*>(&process_));
  init_status_ = UvStatus(rc, options.file);
  if (rc != 0) return;
  pid_ = process_.pid;
  if (options.detached) uv_unref(reinterpret_cast<uv_handle_t*>(&process_));
}

void Process::ExitCallback(uv_process_t* handle, int64_t exit_status, int term_signal) {
  auto* self = static_cast<Process*>(
      HandleOwner::FromHandle(reinterpret_cast<uv_handle_t*>(handle)));
  self->exited_ = true;
  self->exit_status_ = exit_status;
  self->term_signal_ = term_signal;
  self->OnExit();
  if (self->close_on_exit_) self->Close();  // the owner is gone: finish
}

luv::Status KillPid(int pid, int signal) {
  return UvStatus(uv_kill(pid, signal), luv::StrCat("process ", pid));
}

luv::Status Process::Kill(int signal) {
  if (closing()) return UvStatus(UV_EBADF, "process is closed");
  if (!init_status_.ok()) return UvStatus(UV_ESRCH, "the process never started");
  if (exited_) return UvStatus(UV_ESRCH, luv::StrCat("process ", pid_, " has exited"));
  if (signal < 0 || signal > 64) return Invalid(luv::StrCat("signal ", signal));
  return UvStatus(uv_process_kill(&process_, signal), luv::StrCat("process ", pid_));
}

void Process::KeepLoopAlive(bool keep) {
  if (closing() || !init_status_.ok()) return;
  auto* handle = reinterpret_cast<uv_handle_t*>(&process_);
  if (keep) {
    uv_ref(handle);
  } else {
    uv_unref(handle);
  }
}

void Process::ReleaseWhenExited() {
  if (exited_ || !init_status_.ok() ||
      !uv_has_ref(reinterpret_cast<const uv_handle_t*>(&process_))) {
    Release();  // nothing to wait for (or a detached child)
    return;
  }
  close_on_exit_ = true;
  ReleaseKeepingOpen();
}

}  // namespace luv::uv
