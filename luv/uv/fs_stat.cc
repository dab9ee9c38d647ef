#include "luv/uv/fs_stat.h"

#include <sys/stat.h>

#include <cstdio>

namespace luv::uv {

const char* FileTypeName(uint64_t st_mode) {
  switch (st_mode & S_IFMT) {
    case S_IFREG:
      return "file";
    case S_IFDIR:
      return "directory";
    case S_IFLNK:
      return "link";
    case S_IFIFO:
      return "fifo";
    case S_IFSOCK:
      return "socket";
    case S_IFCHR:
      return "char";
    case S_IFBLK:
      return "block";
    default:
      return "unknown";
  }
}

const char* DirentTypeName(uv_dirent_type_t type) {
  switch (type) {
    case UV_DIRENT_FILE:
      return "file";
    case UV_DIRENT_DIR:
      return "directory";
    case UV_DIRENT_LINK:
      return "link";
    case UV_DIRENT_FIFO:
      return "fifo";
    case UV_DIRENT_SOCKET:
      return "socket";
    case UV_DIRENT_CHAR:
      return "char";
    case UV_DIRENT_BLOCK:
      return "block";
    case UV_DIRENT_UNKNOWN:
      break;
  }
  return "unknown";
}

std::array<char, 8> PermissionString(uint64_t st_mode) {
  std::array<char, 8> text{};
  std::snprintf(text.data(), text.size(), "%o", static_cast<unsigned>(st_mode & 07777));
  return text;
}

double Seconds(const uv_timespec_t& time) {
  return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_nsec) / 1e9;
}

}  // namespace luv::uv
