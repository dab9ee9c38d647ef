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

}  // namespace
}  // namespace luv::uv
