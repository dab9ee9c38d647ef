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

// Facts about this process and the system it runs under, through libuv: its
// process ids, the host's name, the kernel's name and version, and the
// resources the process has used. (The machine's CPUs, memory and load are
// system_info.h's; the environment is environment.h's.) Lua-free; every
// function may be called from any thread and none blocks.
#ifndef LUV_UV_OS_INFO_H_
#define LUV_UV_OS_INFO_H_

#include <cstdint>
#include <string>

#include "luv/base/status.h"

namespace luv::uv {

// This process's id and its parent's (1, or a subreaper's, once the parent
// that started it has exited).
int64_t Pid();
int64_t Ppid();

// The host's name, as the kernel holds it.
luv::StatusOr<std::string> Hostname();

// What uname(2) says: the kernel's name ("Linux"), release ("6.1.0-13-amd64"),
// version (the build's "#1 SMP ..." line) and the machine ("x86_64").
struct Utsname {
  std::string sysname;
  std::string release;
  std::string version;
  std::string machine;
};

luv::StatusOr<Utsname> Uname();

// The resources this process (all its threads) has used, as getrusage(2)
// reports them. Times are seconds; `maxrss_bytes` is the peak resident set
// in bytes (the kernel counts KiB). The integral sizes (ixrss, idrss,
// isrss), nswap, msgsnd, msgrcv and nsignals are always 0 on Linux.
struct ResourceUsage {
  double utime_s = 0;  // user CPU time
  double stime_s = 0;  // system CPU time
  uint64_t maxrss_bytes = 0;
  uint64_t ixrss = 0;     // integral shared memory size
  uint64_t idrss = 0;     // integral unshared data size
  uint64_t isrss = 0;     // integral unshared stack size
  uint64_t minflt = 0;    // page faults served without I/O
  uint64_t majflt = 0;    // page faults that needed I/O
  uint64_t nswap = 0;     // swaps
  uint64_t inblock = 0;   // block input operations
  uint64_t oublock = 0;   // block output operations
  uint64_t msgsnd = 0;    // IPC messages sent
  uint64_t msgrcv = 0;    // IPC messages received
  uint64_t nsignals = 0;  // signals received
  uint64_t nvcsw = 0;     // voluntary context switches
  uint64_t nivcsw = 0;    // involuntary context switches
};

luv::StatusOr<ResourceUsage> Rusage();

}  // namespace luv::uv

#endif  // LUV_UV_OS_INFO_H_
