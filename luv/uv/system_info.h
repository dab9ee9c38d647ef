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

// Facts about the machine, read through libuv: clocks, memory, CPUs, load
// and network interfaces. Lua-free; every function may be called from any thread
// and none blocks for long (they read /proc and the kernel's tables).
#ifndef LUV_UV_SYSTEM_INFO_H_
#define LUV_UV_SYSTEM_INFO_H_

#include <cstdint>
#include <string>
#include <vector>

#include "luv/base/status.h"

namespace luv::uv {

// Nanoseconds since an arbitrary point in the past; monotonic.
uint64_t HrTime();

// Total and available physical memory, in bytes.
uint64_t TotalMemory();
uint64_t FreeMemory();

// One logical CPU. Times are milliseconds spent in each mode since boot.
struct CpuInfo {
  std::string model;
  int speed_mhz = 0;
  uint64_t user_ms = 0;
  uint64_t nice_ms = 0;
  uint64_t sys_ms = 0;
  uint64_t idle_ms = 0;
  uint64_t irq_ms = 0;
};

luv::StatusOr<std::vector<CpuInfo>> CpuInfos();

// How many threads can run at once: the CPUs this process may run on (its
// affinity mask); at least 1.
unsigned AvailableParallelism();

// The system's load averages over 1, 5 and 15 minutes.
struct LoadAverage {
  double one = 0;
  double five = 0;
  double fifteen = 0;
};

LoadAverage LoadAvg();

// Seconds since the machine booted.
luv::StatusOr<double> Uptime();

// One address of one network interface.
struct InterfaceAddress {
  std::string name;
  bool is_internal = false;  // loopback
  std::string family;        // "inet" or "inet6"
  std::string address;       // printable, e.g. "127.0.0.1" or "::1"
  std::string netmask;
  std::string mac;  // "00:11:22:33:44:55"
};

luv::StatusOr<std::vector<InterfaceAddress>> InterfaceAddresses();

}  // namespace luv::uv

#endif  // LUV_UV_SYSTEM_INFO_H_
