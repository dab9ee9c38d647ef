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

#include <cstring>

#include "luv/base/strings.h"
#include "luv/uv/status.h"

namespace luv::uv {
namespace {

struct NamedSignal {
  const char* name;
  int number;
};

constexpr NamedSignal kSignals[] = {
    {"SIGHUP", SIGHUP},       {"SIGINT", SIGINT},   {"SIGQUIT", SIGQUIT},
    {"SIGILL", SIGILL},       {"SIGTRAP", SIGTRAP}, {"SIGABRT", SIGABRT},
    {"SIGBUS", SIGBUS},       {"SIGFPE", SIGFPE},   {"SIGKILL", SIGKILL},
    {"SIGUSR1", SIGUSR1},     {"SIGSEGV", SIGSEGV}, {"SIGUSR2", SIGUSR2},
    {"SIGPIPE", SIGPIPE},     {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM},
    {"SIGCHLD", SIGCHLD},     {"SIGCONT", SIGCONT}, {"SIGSTOP", SIGSTOP},
    {"SIGTSTP", SIGTSTP},     {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU},
    {"SIGURG", SIGURG},       {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ},
    {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF}, {"SIGWINCH", SIGWINCH},
    {"SIGIO", SIGIO},         {"SIGPWR", SIGPWR},   {"SIGSYS", SIGSYS},
};

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

// Checks the options, and fills `argv`/`envp` (pointing into `options`).
luv::Status Prepare(const SpawnOptions& options, std::vector<char*>* argv,
                     std::vector<char*>* envp) {
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
  if (options.env) {
    if (options.env->size() >= Process::kMaxArgs) {
      return UvStatus(UV_E2BIG, "too many environment entries");
    }
    for (const std::string& entry : *options.env) {
      size_t equals = entry.find('=');
      if (HasNul(entry) || equals == std::string::npos || equals == 0) {
        return Invalid("environment entries are NAME=value without NUL bytes");
      }
      envp->push_back(const_cast<char*>(entry.c_str()));
    }
    envp->push_back(nullptr);
  }
  return luv::OkStatus();
}

}  // namespace

int SignalNumber(std::string_view name) {
  std::string upper = luv::AsciiStrToUpper(name.substr(0, 16));
  if (name.size() > 16) return -1;
  if (!luv::StartsWith(upper, "SIG")) upper = luv::StrCat("SIG", upper);
  for (const NamedSignal& signal : kSignals) {
    if (upper == signal.name) return signal.number;
  }
  return -1;
}

const char* SignalName(int number) {
  for (const NamedSignal& signal : kSignals) {
    if (signal.number == number) return signal.name;
  }
  return nullptr;
}

Process::Process(uv_loop_t* loop, const SpawnOptions& options) {
  std::vector<char*> argv;
  std::vector<char*> envp;
  init_status_ = Prepare(options, &argv, &envp);
  if (!init_status_.ok()) return;
  uv_stdio_container_t stdio[3];
  for (int i = 0; i < 3; ++i) {
    int rc = StdioFlags(options.stdio[i], i, &stdio[i]);
    if (rc != 0) {
      static const char* const kNames[] = {"stdin", "stdout", "stderr"};
      init_status_ = UvStatus(rc, luv::StrCat(kNames[i], " is not a usable stream"));
      return;
    }
  }
  uv_process_options_t uv_options;
  std::memset(&uv_options, 0, sizeof(uv_options));
  uv_options.exit_cb = ExitCallback;
  uv_options.file = options.file.c_str();
  uv_options.args = argv.data();
  uv_options.env = options.env ? envp.data() : nullptr;
  uv_options.cwd = options.cwd.empty() ? nullptr : options.cwd.c_str();
  uv_options.stdio_count = 3;
  uv_options.stdio = stdio;
  if (options.detached) uv_options.flags |= UV_PROCESS_DETACHED;
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
