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

// Process: a child process started with uv_spawn, and its exit.
//
// The record watches the child until it exits: OnExit runs from the loop
// with the exit status and terminating signal. An owner that lets go while
// the child runs calls ReleaseWhenExited: the record keeps watching (so the
// child is reaped, not left a zombie) and deletes itself after the exit, or
// when the loop shuts down. A detached child (its own session) does not
// keep the loop running and is not waited for.
//
// Thread affinity: the loop's thread. Nothing blocks or raises; spawning
// forks and execs at once.
#ifndef LUV_UV_PROCESS_H_
#define LUV_UV_PROCESS_H_

#include <uv.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "luv/base/status.h"
#include <string_view>
#include "luv/uv/handle.h"
#include "luv/uv/stream.h"

namespace luv::uv {

// What one of the child's stdin, stdout and stderr is connected to.
struct StdioSpec {
  enum class Kind {
    kIgnore,         // /dev/null
    kInheritFd,      // the parent's descriptor `fd`
    kCreatePipe,     // a new socketpair; the parent's end opens `stream`, a
                     // pipe that is neither open nor closing
    kInheritStream,  // the descriptor of the open `stream` (not closing)
  };
  static StdioSpec Ignore() { return {Kind::kIgnore, -1, nullptr}; }
  static StdioSpec InheritFd(int fd) { return {Kind::kInheritFd, fd, nullptr}; }
  static StdioSpec CreatePipe(Stream* pipe) { return {Kind::kCreatePipe, -1, pipe}; }
  static StdioSpec InheritStream(Stream* stream) {
    return {Kind::kInheritStream, -1, stream};
  }

  Kind kind;
  int fd;
  Stream* stream;
};

struct SpawnOptions {
  std::string file;               // looked up in PATH when it has no '/'
  std::vector<std::string> args;  // argv[1..]; argv[0] is `file`
  // "NAME=value" entries; unset: the parent's environment.
  std::optional<std::vector<std::string>> env;
  // "NAME=value" entries added to `env` (or, when it is unset, to the
  // parent's environment as it is at the spawn), replacing a variable of
  // the same name.
  std::vector<std::string> env_add;
  std::string cwd;  // empty: the parent's
  StdioSpec stdio[3] = {StdioSpec::InheritFd(0), StdioSpec::InheritFd(1),
                        StdioSpec::InheritFd(2)};
  // The child's stderr goes where its stdout goes (stdio[2] is unused).
  bool stderr_to_stdout = false;
  bool detached = false;
  // Run the child as this user and group (needs the privilege to).
  std::optional<uint32_t> uid;
  std::optional<uint32_t> gid;
};

// Sends `signal` to the process `pid` (any process, not only a child):
// ESRCH when there is none, EPERM when it is not ours to signal.
luv::Status KillPid(int pid, int signal);

class Process : public HandleOwner {
 public:
  // Largest number of arguments and environment entries accepted.
  static constexpr size_t kMaxArgs = 65536;

  // The result of the spawn: ENOENT for a missing program, ...
  const luv::Status& init_status() const { return init_status_; }
  int pid() const { return pid_; }
  bool exited() const { return exited_; }
  int64_t exit_status() const { return exit_status_; }
  int term_signal() const { return term_signal_; }

  // Sends `signal` (0 checks that the child is alive). ESRCH once exited.
  luv::Status Kill(int signal);

  // Whether the running child keeps the loop alive (a detached child does
  // not, until someone waits for it).
  void KeepLoopAlive(bool keep);

  // The owner lets go: see the header comment. The caller must not use the
  // record afterwards.
  void ReleaseWhenExited();

 protected:
  // Spawns the child; see init_status().
  Process(uv_loop_t* loop, const SpawnOptions& options);
  ~Process() override = default;

  // The child exited (from the loop).
  virtual void OnExit() {}

 private:
  static void ExitCallback(uv_process_t* handle, int64_t exit_status, int term_signal);

  uv_process_t process_;
  luv::Status init_status_;
  int pid_ = 0;
  bool exited_ = false;
  bool close_on_exit_ = false;
  int64_t exit_status_ = 0;
  int term_signal_ = 0;
};

}  // namespace luv::uv

#endif  // LUV_UV_PROCESS_H_
