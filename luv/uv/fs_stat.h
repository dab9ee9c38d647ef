// Naming what libuv's stat and scandir report: file types as words, the
// permission bits as an octal string, timestamps as seconds.
//
// Pure functions: any thread, nothing blocks or allocates.
#ifndef LUV_UV_FS_STAT_H_
#define LUV_UV_FS_STAT_H_

#include <uv.h>

#include <array>
#include <cstdint>

namespace luv::uv {

// The type of a stat's st_mode: "file", "directory", "link", "fifo",
// "socket", "char" (character device), "block" (block device) or "unknown".
const char* FileTypeName(uint64_t st_mode);

// The same words for a directory entry's type; "unknown" when the file
// system did not say (the caller may stat the entry).
const char* DirentTypeName(uv_dirent_type_t type);

// The permission bits of st_mode (with setuid, setgid and sticky) as the
// octal string chmod takes: "644", "1777". NUL-terminated.
std::array<char, 8> PermissionString(uint64_t st_mode);

// A timestamp as seconds since the epoch, with the nanoseconds as the
// fraction (a double holds today's times to about 0.2 microseconds).
double Seconds(const uv_timespec_t& time);

}  // namespace luv::uv

#endif  // LUV_UV_FS_STAT_H_
