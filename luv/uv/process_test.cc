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

#include <dirent.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "luv/uv/loop.h"

namespace luv::uv {
namespace {

class TestProcess : public Process {
 public:
  TestProcess(uv_loop_t* loop, const SpawnOptions& options, bool* deleted = nullptr)
      : Process(loop, options), deleted_(deleted) {}
  ~TestProcess() override {
    if (deleted_ != nullptr) *deleted_ = true;
  }
  int exits = 0;

 protected:
  void OnExit() override { ++exits; }

 private:
  bool* deleted_;
};

class TestPipe : public Stream {
 public:
  explicit TestPipe(uv_loop_t* loop) : Stream(loop, StreamInit::Pipe(false)) {}
};

class Done : public StreamRequest {
 protected:
  void OnDone(int) override {}
};

bool RunUntil(Loop* loop, const std::function<bool()>& done) {
  while (!done()) {
    if (uv_run(loop->get(), UV_RUN_ONCE) == 0 && !done()) return false;
  }
  return true;
}

SpawnOptions Shell(const std::string& script) {
  SpawnOptions options;
  options.file = "sh";
  options.args = {"-c", script};
  return options;
}

TEST(ProcessTest, ReportsExitStatus) {
  Loop loop;
  auto* child = new TestProcess(loop.get(), Shell("exit 3"));
  ASSERT_TRUE(child->init_status().ok()) << child->init_status();
  EXPECT_GT(child->pid(), 0);
  ASSERT_TRUE(RunUntil(&loop, [&] { return child->exited(); }));
  EXPECT_EQ(child->exits, 1);
  EXPECT_EQ(child->exit_status(), 3);
  EXPECT_EQ(child->term_signal(), 0);
  luv::Status late = child->Kill(SIGTERM);
  EXPECT_EQ(late.message().substr(0, 6), "ESRCH:") << late;
  child->Release();
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(ProcessTest, KillsWithASignal) {
  Loop loop;
  auto* child = new TestProcess(loop.get(), Shell("exec sleep 60"));
  ASSERT_TRUE(child->init_status().ok());
  EXPECT_TRUE(child->Kill(0).ok());  // alive
  EXPECT_FALSE(child->Kill(99).ok());
  ASSERT_TRUE(child->Kill(SIGTERM).ok());
  ASSERT_TRUE(RunUntil(&loop, [&] { return child->exited(); }));
  EXPECT_EQ(child->term_signal(), SIGTERM);
  child->Release();
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(ProcessTest, AMissingProgramFailsCleanly) {
  Loop loop;
  SpawnOptions options;
  options.file = "no-such-program-luv-test";
  auto* child = new TestProcess(loop.get(), options);
  EXPECT_EQ(child->init_status().message(),
            "ENOENT: no such file or directory: no-such-program-luv-test");
  EXPECT_FALSE(child->Kill(SIGTERM).ok());
  child->Release();
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(ProcessTest, RejectsBadOptionsWithoutSpawning) {
  Loop loop;
  SpawnOptions empty;
  SpawnOptions nul = Shell(std::string("echo \0", 6));
  SpawnOptions env = Shell("true");
  env.env = std::vector<std::string>{"NOEQUALS"};
  SpawnOptions pipe_needed = Shell("true");
  pipe_needed.stdio[1] = StdioSpec::CreatePipe(nullptr);
  for (const SpawnOptions* options : {&empty, &nul, &env, &pipe_needed}) {
    auto* child = new TestProcess(loop.get(), *options);
    EXPECT_EQ(child->init_status().message().substr(0, 7), "EINVAL:")
        << child->init_status();
    child->Release();
  }
  EXPECT_TRUE(loop.Shutdown().ok());
}

// Descriptors open in this process.
int OpenDescriptors() {
  int count = 0;
  if (DIR* dir = opendir("/proc/self/fd")) {
    while (readdir(dir) != nullptr) ++count;
    closedir(dir);
  }
  return count;
}

TEST(ProcessTest, RefusesAClosingOrOpenPipeWithoutLeaking) {
  Loop loop;
  // The loop's first stream and first spawn open descriptors it keeps
  // (a spare one for EMFILE, SIGCHLD handling).
  (new TestPipe(loop.get()))->Release();
  auto* warm_up = new TestProcess(loop.get(), Shell("true"));
  ASSERT_TRUE(warm_up->init_status().ok()) << warm_up->init_status();
  ASSERT_TRUE(RunUntil(&loop, [&] { return warm_up->exited(); }));
  warm_up->Release();
  const int before = OpenDescriptors();
  {
    auto* closing = new TestPipe(loop.get());
    closing->Close();
    SpawnOptions options = Shell("true");
    options.stdio[1] = StdioSpec::CreatePipe(closing);
    auto* child = new TestProcess(loop.get(), options);
    EXPECT_EQ(child->init_status().message().substr(0, 6), "EBADF:")
        << child->init_status();
    EXPECT_EQ(child->pid(), 0);
    child->Release();
    options.stdio[1] = StdioSpec::InheritStream(closing);
    child = new TestProcess(loop.get(), options);
    EXPECT_EQ(child->init_status().message().substr(0, 6), "EBADF:")
        << child->init_status();
    child->Release();
    closing->Release();
  }
  {
    auto* used = new TestPipe(loop.get());
    SpawnOptions options = Shell("true");
    options.stdio[1] = StdioSpec::CreatePipe(used);
    auto* first = new TestProcess(loop.get(), options);
    ASSERT_TRUE(first->init_status().ok()) << first->init_status();
    ASSERT_GE(used->fileno(), 0);
    auto* second = new TestProcess(loop.get(), options);
    EXPECT_EQ(second->init_status().message().substr(0, 6), "EBUSY:")
        << second->init_status();
    second->Release();
    ASSERT_TRUE(RunUntil(&loop, [&] { return first->exited(); }));
    first->Release();
    used->Release();
  }
  uv_run(loop.get(), UV_RUN_NOWAIT);  // the close callbacks
  EXPECT_EQ(OpenDescriptors(), before);
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(ProcessTest, PipesEnvironmentAndWorkingDirectory) {
  Loop loop;
  {
    auto* in = new TestPipe(loop.get());
    auto* out = new TestPipe(loop.get());
    SpawnOptions options = Shell("read line; echo \"$line $GREETING $(pwd)\"");
    options.env = std::vector<std::string>{"GREETING=hello", "PATH=/usr/bin:/bin"};
    options.cwd = "/";
    options.stdio[0] = StdioSpec::CreatePipe(in);
    options.stdio[1] = StdioSpec::CreatePipe(out);
    auto* child = new TestProcess(loop.get(), options);
    ASSERT_TRUE(child->init_status().ok()) << child->init_status();
    ASSERT_TRUE(in->Write("ping\n", std::make_unique<Done>()).ok());
    ASSERT_TRUE(out->StartReading().ok());
    ASSERT_TRUE(RunUntil(&loop, [&] { return out->eof() && child->exited(); }));
    EXPECT_EQ(out->Peek(100), "ping hello /\n");
    EXPECT_EQ(child->exit_status(), 0);
    in->Release();
    out->Release();
    child->Release();
  }
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(ProcessTest, AReleasedRecordStillReapsItsChild) {
  Loop loop;
  bool deleted = false;
  auto* child = new TestProcess(loop.get(), Shell("exit 0"), &deleted);
  ASSERT_TRUE(child->init_status().ok());
  int pid = child->pid();
  child->ReleaseWhenExited();
  EXPECT_FALSE(deleted);
  ASSERT_TRUE(RunUntil(&loop, [&] { return deleted; }));
  EXPECT_EQ(kill(pid, 0), -1);  // reaped: no zombie left behind
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(ProcessTest, ShutdownDeletesAReleasedRecordOfARunningChild) {
  Loop loop;
  bool deleted = false;
  auto* child = new TestProcess(loop.get(), Shell("exec sleep 60"), &deleted);
  ASSERT_TRUE(child->init_status().ok());
  int pid = child->pid();
  child->ReleaseWhenExited();
  EXPECT_TRUE(loop.Shutdown().ok());
  EXPECT_TRUE(deleted);
  kill(pid, SIGKILL);
}

}  // namespace
}  // namespace luv::uv
