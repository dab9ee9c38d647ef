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

#include "luv/uv/fs_stat.h"

#include <sys/stat.h>

#include <string>

#include "gtest/gtest.h"

namespace luv::uv {
namespace {

std::string TestDir() {
  const char* dir = std::getenv("TEST_TMPDIR");
  return dir != nullptr ? dir : "/tmp";
}

// Stats `path` synchronously with libuv (no callback: runs right here).
uv_stat_t Stat(const std::string& path, bool follow = true) {
  uv_fs_t req;
  int rc = follow ? uv_fs_stat(nullptr, &req, path.c_str(), nullptr)
                  : uv_fs_lstat(nullptr, &req, path.c_str(), nullptr);
  EXPECT_EQ(rc, 0) << path << ": " << uv_strerror(rc);
  uv_stat_t stat = req.statbuf;
  uv_fs_req_cleanup(&req);
  return stat;
}

TEST(FsStatTest, NamesTheTypesOfRealFiles) {
  std::string dir = TestDir() + "/fs_stat_types";
  mkdir(dir.c_str(), 0700);
  std::string file = dir + "/file", link = dir + "/link";
  FILE* f = std::fopen(file.c_str(), "w");
  ASSERT_NE(f, nullptr);
  std::fclose(f);
  unlink(link.c_str());
  ASSERT_EQ(symlink("file", link.c_str()), 0);

  EXPECT_STREQ(FileTypeName(Stat(dir).st_mode), "directory");
  EXPECT_STREQ(FileTypeName(Stat(file).st_mode), "file");
  EXPECT_STREQ(FileTypeName(Stat(link).st_mode), "file");
  EXPECT_STREQ(FileTypeName(Stat(link, /*follow=*/false).st_mode), "link");
  EXPECT_STREQ(FileTypeName(Stat("/dev/null").st_mode), "char");
}

TEST(FsStatTest, NamesEveryModeType) {
  EXPECT_STREQ(FileTypeName(S_IFIFO | 0644), "fifo");
  EXPECT_STREQ(FileTypeName(S_IFSOCK | 0755), "socket");
  EXPECT_STREQ(FileTypeName(S_IFBLK | 0660), "block");
  EXPECT_STREQ(FileTypeName(0644), "unknown");
}

TEST(FsStatTest, NamesDirentTypesLikeModeTypes) {
  EXPECT_STREQ(DirentTypeName(UV_DIRENT_FILE), FileTypeName(S_IFREG));
  EXPECT_STREQ(DirentTypeName(UV_DIRENT_DIR), FileTypeName(S_IFDIR));
  EXPECT_STREQ(DirentTypeName(UV_DIRENT_LINK), FileTypeName(S_IFLNK));
  EXPECT_STREQ(DirentTypeName(UV_DIRENT_FIFO), FileTypeName(S_IFIFO));
  EXPECT_STREQ(DirentTypeName(UV_DIRENT_SOCKET), FileTypeName(S_IFSOCK));
  EXPECT_STREQ(DirentTypeName(UV_DIRENT_CHAR), FileTypeName(S_IFCHR));
  EXPECT_STREQ(DirentTypeName(UV_DIRENT_BLOCK), FileTypeName(S_IFBLK));
  EXPECT_STREQ(DirentTypeName(UV_DIRENT_UNKNOWN), "unknown");
}

TEST(FsStatTest, PermissionStringsAreOctal) {
  EXPECT_STREQ(PermissionString(S_IFREG | 0644).data(), "644");
  EXPECT_STREQ(PermissionString(S_IFDIR | 01777).data(), "1777");
  EXPECT_STREQ(PermissionString(S_IFREG | 04755).data(), "4755");
  EXPECT_STREQ(PermissionString(S_IFREG).data(), "0");
}

TEST(FsStatTest, SecondsKeepTheFraction) {
  EXPECT_DOUBLE_EQ(Seconds(uv_timespec_t{1700000000, 500000000}), 1700000000.5);
  EXPECT_DOUBLE_EQ(Seconds(uv_timespec_t{0, 0}), 0.0);
  EXPECT_NEAR(Seconds(uv_timespec_t{1700000000, 1000}), 1700000000.000001, 1e-6);
}

TEST(FsStatTest, FileStatNamesEveryField) {
  uv_stat_t st{};
  st.st_dev = 1;
  st.st_ino = 2;
  st.st_mode = S_IFDIR | 0755;
  st.st_nlink = 3;
  st.st_uid = 4;
  st.st_gid = 5;
  st.st_rdev = 6;
  st.st_size = 7;
  st.st_blksize = 8;
  st.st_blocks = 9;
  st.st_flags = 10;
  st.st_gen = 11;
  st.st_atim = {12, 500000000};
  st.st_mtim = {13, 0};
  st.st_ctim = {14, 0};
  st.st_birthtim = {15, 0};
  FileStat stat = MakeFileStat(st);
  EXPECT_EQ(stat.dev, 1u);
  EXPECT_EQ(stat.ino, 2u);
  EXPECT_EQ(stat.mode, static_cast<uint64_t>(S_IFDIR | 0755));
  EXPECT_EQ(stat.nlink, 3u);
  EXPECT_EQ(stat.uid, 4u);
  EXPECT_EQ(stat.gid, 5u);
  EXPECT_EQ(stat.rdev, 6u);
  EXPECT_EQ(stat.size, 7u);
  EXPECT_EQ(stat.blksize, 8u);
  EXPECT_EQ(stat.blocks, 9u);
  EXPECT_EQ(stat.flags, 10u);
  EXPECT_EQ(stat.gen, 11u);
  EXPECT_DOUBLE_EQ(stat.atime, 12.5);
  EXPECT_DOUBLE_EQ(stat.mtime, 13);
  EXPECT_DOUBLE_EQ(stat.ctime, 14);
  EXPECT_DOUBLE_EQ(stat.birthtime, 15);
  EXPECT_STREQ(stat.type, "directory");
  EXPECT_STREQ(stat.perm.data(), "755");
  EXPECT_TRUE(stat.is_directory());
  EXPECT_FALSE(stat.is_file());
  EXPECT_FALSE(stat.is_symbolic_link());
}

TEST(FsStatTest, FileStatTypeBooleansFollowTheMode) {
  uv_stat_t st{};
  const struct {
    uint64_t type;
    bool (FileStat::*is)() const;
  } kTypes[] = {
      {S_IFREG, &FileStat::is_file},          {S_IFDIR, &FileStat::is_directory},
      {S_IFLNK, &FileStat::is_symbolic_link}, {S_IFIFO, &FileStat::is_fifo},
      {S_IFSOCK, &FileStat::is_socket},       {S_IFCHR, &FileStat::is_character_device},
      {S_IFBLK, &FileStat::is_block_device},
  };
  for (const auto& type : kTypes) {
    st.st_mode = type.type | 0600;
    FileStat stat = MakeFileStat(st);
    for (const auto& other : kTypes) {
      EXPECT_EQ((stat.*other.is)(), other.type == type.type) << std::oct << type.type;
    }
  }
}

}  // namespace
}  // namespace luv::uv
