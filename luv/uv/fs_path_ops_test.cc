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

#include "luv/uv/fs_path_ops.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "luv/base/strings.h"
#include "gtest/gtest.h"
#include "luv/uv/loop.h"

namespace luv::uv {
namespace {

std::string TestPath(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return luv::StrCat(dir != nullptr ? dir : "/tmp", "/", name);
}

void Write(const std::string& path, const std::string& content) {
  FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr) << path;
  std::fwrite(content.data(), 1, content.size(), f);
  std::fclose(f);
}

std::string Read(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return "<missing>";
  std::string out;
  char buffer[256];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), f)) > 0) out.append(buffer, n);
  std::fclose(f);
  return out;
}

bool Exists(const std::string& path) {
  struct stat st;
  return lstat(path.c_str(), &st) == 0;
}

bool IsOpen(int fd) { return fcntl(fd, F_GETFD) != -1; }

// An operation of type Op that counts its ends.
template <typename Op>
class Counted final : public Op {
 public:
  int done = 0;

 protected:
  void OnDone() override { ++done; }
};

// Each test runs its operations on a loop of its own, which it closes.
class FsPathOpsTest : public ::testing::Test {
 protected:
  ~FsPathOpsTest() override { EXPECT_TRUE(loop_.Shutdown().ok()); }

  // Runs the loop until every operation started has ended.
  template <typename Op>
  void Finish(const Counted<Op>& op) {
    uv_run(loop_.get(), UV_RUN_DEFAULT);
    EXPECT_EQ(op.done, 1);
  }

  // A fresh directory for the test.
  std::string Dir(const std::string& name) {
    std::string dir = TestPath(name);
    mkdir(dir.c_str(), 0700);
    return dir;
  }

  uv_loop_t* loop() { return loop_.get(); }

 private:
  Loop loop_;
};

TEST_F(FsPathOpsTest, UnlinkMkdirRmdir) {
  std::string dir = Dir("path_ops_basic");
  std::string file = dir + "/file", sub = dir + "/sub";
  Write(file, "x");
  Counted<PathOp> unlink;
  unlink.Unlink(loop(), file.c_str());
  Finish(unlink);
  EXPECT_TRUE(unlink.ok()) << unlink.status();
  EXPECT_FALSE(Exists(file));

  Counted<PathOp> again;
  again.Unlink(loop(), file.c_str());
  Finish(again);
  EXPECT_EQ(again.result(), UV_ENOENT);
  EXPECT_EQ(again.status().message(), "ENOENT: no such file or directory: " + file);

  Counted<PathOp> mkdir_op;
  mkdir_op.Mkdir(loop(), sub.c_str(), 0700);
  Finish(mkdir_op);
  EXPECT_TRUE(mkdir_op.ok());
  struct stat st;
  ASSERT_EQ(stat(sub.c_str(), &st), 0);
  EXPECT_TRUE(S_ISDIR(st.st_mode));
  EXPECT_EQ(st.st_mode & 0777, 0700u);

  Counted<PathOp> exists;
  exists.Mkdir(loop(), sub.c_str(), 0700);
  Finish(exists);
  EXPECT_EQ(exists.result(), UV_EEXIST);

  Counted<PathOp> rmdir_op;
  rmdir_op.Rmdir(loop(), sub.c_str());
  Finish(rmdir_op);
  EXPECT_TRUE(rmdir_op.ok());
  EXPECT_FALSE(Exists(sub));
}

TEST_F(FsPathOpsTest, RenameLinkSymlinkNameBothPathsWhenTheyFail) {
  std::string dir = Dir("path_ops_links");
  std::string a = dir + "/a", b = dir + "/b", hard = dir + "/hard", soft = dir + "/soft";
  Write(a, "content");
  unlink(b.c_str());
  unlink(hard.c_str());
  unlink(soft.c_str());
  Counted<PathOp> rename_op;
  rename_op.Rename(loop(), a.c_str(), b.c_str());
  Finish(rename_op);
  EXPECT_TRUE(rename_op.ok());
  EXPECT_EQ(Read(b), "content");

  Counted<PathOp> missing;
  missing.Rename(loop(), a.c_str(), b.c_str());
  Finish(missing);
  EXPECT_EQ(missing.status().message(),
            "ENOENT: no such file or directory: " + a + " -> " + b);

  Counted<PathOp> link_op;
  link_op.Link(loop(), b.c_str(), hard.c_str());
  Finish(link_op);
  EXPECT_TRUE(link_op.ok());
  EXPECT_EQ(Read(hard), "content");

  Counted<PathOp> symlink_op;
  symlink_op.Symlink(loop(), "b", soft.c_str());
  Finish(symlink_op);
  EXPECT_TRUE(symlink_op.ok());
  EXPECT_EQ(Read(soft), "content");

  Counted<PathOp> exists;
  exists.Symlink(loop(), "b", soft.c_str());
  Finish(exists);
  EXPECT_EQ(exists.result(), UV_EEXIST);
  EXPECT_EQ(exists.status().message(), "EEXIST: file already exists: b -> " + soft);
}

TEST_F(FsPathOpsTest, ChmodChownUtimeAccess) {
  std::string file = Dir("path_ops_meta") + "/file";
  Write(file, "x");
  Counted<PathOp> chmod_op;
  chmod_op.Chmod(loop(), file.c_str(), 0640);
  Finish(chmod_op);
  EXPECT_TRUE(chmod_op.ok());
  struct stat st;
  ASSERT_EQ(stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);

  Counted<PathOp> chown_op;
  chown_op.Chown(loop(), file.c_str(), static_cast<uv_uid_t>(-1),
                 static_cast<uv_gid_t>(-1));
  Finish(chown_op);
  EXPECT_TRUE(chown_op.ok()) << chown_op.status();

  Counted<PathOp> utime_op;
  utime_op.Utime(loop(), file.c_str(), 86400, 172800.5);
  Finish(utime_op);
  EXPECT_TRUE(utime_op.ok());
  ASSERT_EQ(stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_atim.tv_sec, 86400);
  EXPECT_EQ(st.st_mtim.tv_sec, 172800);
  EXPECT_EQ(st.st_mtim.tv_nsec, 500000000);

  Counted<PathOp> access_op;
  access_op.Access(loop(), file.c_str(), R_OK | W_OK);
  Finish(access_op);
  EXPECT_TRUE(access_op.ok());
  Counted<PathOp> execute;
  execute.Access(loop(), file.c_str(), X_OK);  // refused even to root: no x bit
  Finish(execute);
  EXPECT_EQ(execute.result(), UV_EACCES);
}

TEST_F(FsPathOpsTest, CopyfileCopiesAndHonoursExcl) {
  std::string dir = Dir("path_ops_copy");
  std::string from = dir + "/from", to = dir + "/to";
  Write(from, "copied");
  unlink(to.c_str());
  Counted<PathOp> copy;
  copy.Copyfile(loop(), from.c_str(), to.c_str(), 0);
  Finish(copy);
  EXPECT_TRUE(copy.ok());
  EXPECT_EQ(Read(to), "copied");
  Counted<PathOp> excl;
  excl.Copyfile(loop(), from.c_str(), to.c_str(), UV_FS_COPYFILE_EXCL);
  Finish(excl);
  EXPECT_EQ(excl.result(), UV_EEXIST);
  EXPECT_EQ(excl.status().message(),
            "EEXIST: file already exists: " + from + " -> " + to);
}

TEST_F(FsPathOpsTest, ChdirAndFsyncRunOnThePoolAndNameTheirPath) {
  std::string dir = Dir("path_ops_chdir");
  char start[PATH_MAX];
  ASSERT_NE(getcwd(start, sizeof(start)), nullptr);
  std::string path = dir;  // the op keeps its own copy
  Counted<PathOp> chdir_op;
  chdir_op.Chdir(loop(), path.c_str());
  path = "overwritten";
  Finish(chdir_op);
  EXPECT_TRUE(chdir_op.ok()) << chdir_op.status();
  char now[PATH_MAX];
  ASSERT_NE(getcwd(now, sizeof(now)), nullptr);
  char real[PATH_MAX];
  ASSERT_NE(realpath(dir.c_str(), real), nullptr);
  EXPECT_STREQ(now, real);
  ASSERT_EQ(chdir(start), 0);

  std::string missing = dir + "/missing";
  Counted<PathOp> fails;
  fails.Chdir(loop(), missing.c_str());
  Finish(fails);
  EXPECT_EQ(fails.status().message(), "ENOENT: no such file or directory: " + missing);

  Counted<PathOp> sync_dir;
  sync_dir.Fsync(loop(), dir.c_str());
  Finish(sync_dir);
  EXPECT_TRUE(sync_dir.ok());
  Counted<PathOp> sync_missing;
  sync_missing.Fsync(loop(), missing.c_str());
  Finish(sync_missing);
  EXPECT_EQ(sync_missing.status().message(),
            "ENOENT: no such file or directory: " + missing);
}

TEST_F(FsPathOpsTest, OpenGivesAFileWithTheFlagsAndThePath) {
  std::string path = Dir("path_ops_open") + "/log";
  Write(path, "start");
  Counted<OpenOp> open_op;
  open_op.Start(loop(), path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC, 0600);
  Finish(open_op);
  ASSERT_TRUE(open_op.ok()) << open_op.status();
  File* file = open_op.TakeFile();
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(open_op.TakeFile(), nullptr) << "taken once";
  EXPECT_EQ(file->path(), path);
  EXPECT_TRUE(file->append());
  EXPECT_EQ(file->fd(), open_op.result());
  ASSERT_EQ(write(file->fd(), "!", 1), 1);
  file->Release();
  uv_run(loop(), UV_RUN_DEFAULT);
  EXPECT_EQ(Read(path), "start!");

  Counted<OpenOp> missing;
  std::string nowhere = path + ".missing";
  missing.Start(loop(), nowhere.c_str(), O_RDONLY, 0);
  Finish(missing);
  EXPECT_EQ(missing.status().message(), "ENOENT: no such file or directory: " + nowhere);
  EXPECT_EQ(missing.TakeFile(), nullptr);
}

TEST_F(FsPathOpsTest, AnOpenedFileNobodyTookIsClosed) {
  std::string path = Dir("path_ops_untaken") + "/file";
  Write(path, "x");
  int fd;
  {
    Counted<OpenOp> open_op;
    open_op.Start(loop(), path.c_str(), O_RDONLY | O_CLOEXEC, 0);
    Finish(open_op);
    ASSERT_TRUE(open_op.ok());
    fd = static_cast<int>(open_op.result());
    EXPECT_TRUE(IsOpen(fd));
  }
  uv_run(loop(), UV_RUN_DEFAULT);  // the background close
  EXPECT_FALSE(IsOpen(fd));
}

TEST_F(FsPathOpsTest, StatAndLstatGiveAFileStat) {
  std::string dir = Dir("path_ops_stat");
  std::string file = dir + "/file", link = dir + "/link";
  Write(file, "12345");
  unlink(link.c_str());
  ASSERT_EQ(symlink("file", link.c_str()), 0);
  Counted<StatOp> stat_op;
  stat_op.Stat(loop(), link.c_str());
  Finish(stat_op);
  ASSERT_TRUE(stat_op.ok());
  FileStat st = stat_op.stat();
  EXPECT_TRUE(st.is_file());
  EXPECT_STREQ(st.type, "file");
  EXPECT_EQ(st.size, 5u);
  struct stat expected;
  ASSERT_EQ(stat(file.c_str(), &expected), 0);
  EXPECT_EQ(st.ino, expected.st_ino);

  Counted<StatOp> lstat_op;
  lstat_op.Lstat(loop(), link.c_str());
  Finish(lstat_op);
  ASSERT_TRUE(lstat_op.ok());
  EXPECT_TRUE(lstat_op.stat().is_symbolic_link());

  Counted<StatOp> missing;
  std::string nowhere = dir + "/missing";
  missing.Stat(loop(), nowhere.c_str());
  Finish(missing);
  EXPECT_EQ(missing.status().message(), "ENOENT: no such file or directory: " + nowhere);
}

TEST_F(FsPathOpsTest, FstatStatsAnOpenFileAndNamesIt) {
  std::string path = Dir("path_ops_fstat") + "/file";
  Write(path, "abc");
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  auto* file = new File(loop(), fd, O_RDONLY, path);
  {
    Counted<StatOp> fstat_op;
    fstat_op.Fstat(file);
    file->Release();  // the operation keeps the descriptor open
    EXPECT_TRUE(IsOpen(fd));
    Finish(fstat_op);
    ASSERT_TRUE(fstat_op.ok());
    EXPECT_EQ(fstat_op.stat().size, 3u);
    EXPECT_EQ(fstat_op.file(), file);
  }
  uv_run(loop(), UV_RUN_DEFAULT);
  EXPECT_FALSE(IsOpen(fd)) << "closed once the operation let go";
}

TEST_F(FsPathOpsTest, ScandirListsSortedEntriesWithTypes) {
  std::string dir = Dir("path_ops_scandir");
  Write(dir + "/c", "");
  Write(dir + "/a", "");
  mkdir((dir + "/b").c_str(), 0700);
  unlink((dir + "/d").c_str());
  ASSERT_EQ(symlink("a", (dir + "/d").c_str()), 0);
  Counted<ScandirOp> scandir;
  scandir.Start(loop(), dir.c_str());
  Finish(scandir);
  ASSERT_TRUE(scandir.ok());
  EXPECT_EQ(scandir.size(), 4u);
  std::vector<std::string> entries;
  DirEntry entry;
  while (scandir.Next(&entry)) {
    entries.push_back(luv::StrCat(entry.name, "=", entry.type));
  }
  EXPECT_EQ(entries,
            (std::vector<std::string>{"a=file", "b=directory", "c=file", "d=link"}));
  EXPECT_FALSE(scandir.Next(&entry)) << "read once";

  Counted<ScandirOp> empty;
  std::string empty_dir = Dir("path_ops_scandir_empty");
  empty.Start(loop(), empty_dir.c_str());
  Finish(empty);
  EXPECT_EQ(empty.size(), 0u);
  EXPECT_FALSE(empty.Next(&entry));

  Counted<ScandirOp> not_dir;
  not_dir.Start(loop(), (dir + "/a").c_str());
  Finish(not_dir);
  EXPECT_EQ(not_dir.result(), UV_ENOTDIR);
  EXPECT_FALSE(not_dir.Next(&entry));
}

TEST_F(FsPathOpsTest, ScandirEntriesNotReadAreFreed) {
  std::string dir = Dir("path_ops_scandir_unread");
  Write(dir + "/x", "");
  Write(dir + "/y", "");
  Counted<ScandirOp> scandir;
  scandir.Start(loop(), dir.c_str());
  Finish(scandir);
  DirEntry entry;
  ASSERT_TRUE(scandir.Next(&entry));
  // The rest go with the operation (ASan checks).
}

TEST_F(FsPathOpsTest, ReadlinkRealpathMkdtemp) {
  std::string dir = Dir("path_ops_text");
  std::string link = dir + "/link";
  unlink(link.c_str());
  ASSERT_EQ(symlink("target/of/link", link.c_str()), 0);
  Counted<PathTextOp> readlink_op;
  readlink_op.Readlink(loop(), link.c_str());
  Finish(readlink_op);
  ASSERT_TRUE(readlink_op.ok());
  EXPECT_STREQ(readlink_op.text(), "target/of/link");

  Counted<PathTextOp> realpath_op;
  std::string dotted = dir + "/./../" + "path_ops_text";
  realpath_op.Realpath(loop(), dotted.c_str());
  Finish(realpath_op);
  ASSERT_TRUE(realpath_op.ok());
  char real[PATH_MAX];
  ASSERT_NE(realpath(dir.c_str(), real), nullptr);
  EXPECT_STREQ(realpath_op.text(), real);

  Counted<PathTextOp> mkdtemp_op;
  std::string pattern = dir + "/tmpXXXXXX";
  mkdtemp_op.Mkdtemp(loop(), pattern.c_str());
  Finish(mkdtemp_op);
  ASSERT_TRUE(mkdtemp_op.ok());
  std::string made = mkdtemp_op.text();
  EXPECT_EQ(made.size(), pattern.size());
  EXPECT_EQ(made.substr(0, made.size() - 6), dir + "/tmp");
  EXPECT_NE(made, pattern);
  struct stat st;
  ASSERT_EQ(stat(made.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);

  Counted<PathTextOp> bad_template;
  std::string no_x = dir + "/no-template";
  bad_template.Mkdtemp(loop(), no_x.c_str());
  Finish(bad_template);
  EXPECT_EQ(bad_template.status().message(), "EINVAL: invalid argument: " + no_x);

  Counted<PathTextOp> not_link;
  not_link.Readlink(loop(), dir.c_str());
  Finish(not_link);
  EXPECT_EQ(not_link.result(), UV_EINVAL);
}

TEST(FsPathOpsProcessTest, CwdAndExepath) {
  PathBuffer cwd;
  ASSERT_TRUE(Cwd(&cwd).ok());
  char expected[PATH_MAX];
  ASSERT_NE(getcwd(expected, sizeof(expected)), nullptr);
  EXPECT_EQ(std::string(cwd.data, cwd.size), expected);
  PathBuffer exe;
  ASSERT_TRUE(Exepath(&exe).ok());
  EXPECT_EQ(exe.data[0], '/');
  EXPECT_TRUE(luv::EndsWith(std::string_view(exe.data, exe.size), "/fs_path_ops_test"))
      << exe.data;
}

TEST(FsPathOpsProcessTest, CwdFailsOnceTheDirectoryIsGone) {
  char start[PATH_MAX];
  ASSERT_NE(getcwd(start, sizeof(start)), nullptr);
  std::string gone = TestPath("path_ops_gone");
  ASSERT_EQ(mkdir(gone.c_str(), 0700), 0);
  ASSERT_EQ(chdir(gone.c_str()), 0);
  ASSERT_EQ(rmdir(gone.c_str()), 0);
  PathBuffer cwd;
  luv::Status status = Cwd(&cwd);
  ASSERT_EQ(chdir(start), 0);
  EXPECT_EQ(status.message(), "ENOENT: no such file or directory: cwd");
  EXPECT_EQ(cwd.size, 0u);
}

}  // namespace
}  // namespace luv::uv
