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

#include "luv/uv/os_info.h"

#include <uv.h>

#include "luv/uv/status.h"

namespace luv::uv {
namespace {

double Seconds(const uv_timeval_t& time) {
  return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_usec) / 1e6;
}

}  // namespace

int64_t Pid() { return uv_os_getpid(); }

int64_t Ppid() { return uv_os_getppid(); }

luv::StatusOr<std::string> Hostname() {
  char name[UV_MAXHOSTNAMESIZE];
  size_t size = sizeof name;
  if (int rc = uv_os_gethostname(name, &size); rc < 0) return UvStatus(rc, "hostname");
  return std::string(name, size);
}

luv::StatusOr<Utsname> Uname() {
  uv_utsname_t names;
  if (int rc = uv_os_uname(&names); rc < 0) return UvStatus(rc, "uname");
  return Utsname{names.sysname, names.release, names.version, names.machine};
}

luv::StatusOr<ResourceUsage> Rusage() {
  uv_rusage_t usage;
  if (int rc = uv_getrusage(&usage); rc < 0) return UvStatus(rc, "rusage");
  ResourceUsage result;
  result.utime_s = Seconds(usage.ru_utime);
  result.stime_s = Seconds(usage.ru_stime);
  result.maxrss_bytes = usage.ru_maxrss * 1024;  // Linux counts KiB
  result.ixrss = usage.ru_ixrss;
  result.idrss = usage.ru_idrss;
  result.isrss = usage.ru_isrss;
  result.minflt = usage.ru_minflt;
  result.majflt = usage.ru_majflt;
  result.nswap = usage.ru_nswap;
  result.inblock = usage.ru_inblock;
  result.oublock = usage.ru_oublock;
  result.msgsnd = usage.ru_msgsnd;
  result.msgrcv = usage.ru_msgrcv;
  result.nsignals = usage.ru_nsignals;
  result.nvcsw = usage.ru_nvcsw;
  result.nivcsw = usage.ru_nivcsw;
  return result;
}

}  // namespace luv::uv
