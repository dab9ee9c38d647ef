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

#include "luv/uv/fs_request.h"

#include <sys/stat.h>

#include <string>

#include "gtest/gtest.h"
#include "luv/uv/loop.h"

namespace luv::uv {
namespace {

std::string TestDir() {
  const char* dir = std::getenv("TEST_TMPDIR");
  return dir != nullptr ? dir : "/tmp";
}

// Records that the callback ran and on which request.
struct Owner {
  FsRequest request{this};
  int calls = 0;

  static void Done(uv_fs_t* req) { ++static_cast<Owner*>(FsRequest::owner(req))->calls; }
};

TEST(FsRequestTest, StatusNamesThePathOfAFailedRequest) {
  Loop loop;
  Owner owner;
  std::string missing = TestDir() + "/fs_request_missing";
  ASSERT_EQ(uv_fs_stat(loop.get(), owner.request.get(), missing.c_str(), Owner::Done), 0);
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_EQ(owner.calls, 1);
  EXPECT_EQ(owner.request.result(), UV_ENOENT);
  EXPECT_EQ(owner.request.status().message(),
            "ENOENT: no such file or directory: " + missing);
  EXPECT_EQ(owner.request.status("given").message(),
            "ENOENT: no such file or directory: given");
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(FsRequestTest, StatusNamesBothPathsOfARename) {
  Loop loop;
  Owner owner;
  std::string from = TestDir() + "/fs_request_from", to = TestDir() + "/fs_request_to";
  ASSERT_EQ(uv_fs_rename(loop.get(), owner.request.get(), from.c_str(), to.c_str(),
                         Owner::Done),
            0);
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_EQ(owner.request.status().message(),
            "ENOENT: no such file or directory: " + from + " -> " + to);
  EXPECT_EQ(owner.request.paths(), from + " -> " + to);
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(FsRequestTest, SucceedsAndCanBeReusedAfterReset) {
  Loop loop;
  Owner owner;
  std::string dir = TestDir();
  ASSERT_EQ(uv_fs_stat(loop.get(), owner.request.get(), dir.c_str(), Owner::Done), 0);
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_TRUE(owner.request.status().ok());
  EXPECT_TRUE(S_ISDIR(owner.request.get()->statbuf.st_mode));

  owner.request.Reset();
  EXPECT_EQ(owner.request.get()->path, nullptr);
  ASSERT_EQ(uv_fs_scandir(loop.get(), owner.request.get(), dir.c_str(), 0, Owner::Done),
            0);
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_EQ(owner.calls, 2);
  EXPECT_GE(owner.request.result(), 0);
  EXPECT_TRUE(loop.Shutdown().ok());
  // The scandir entries are freed by the destructor (ASan checks).
}

TEST(FsRequestTest, ANeverStartedRequestCleansUp) {
  FsRequest request;
  EXPECT_EQ(request.result(), 0);
  EXPECT_TRUE(request.status().ok());
  EXPECT_EQ(request.paths(), "");
  request.Reset();
}

}  // namespace
}  // namespace luv::uv
