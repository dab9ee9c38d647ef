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

#include "luv/uv/system_info.h"

#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "gtest/gtest.h"

namespace luv::uv {
namespace {

TEST(SystemInfoTest, HrTimeIsMonotonic) {
  uint64_t before = HrTime();
  usleep(1000);
  uint64_t after = HrTime();
  EXPECT_GE(after - before, 1000000u) << before << " -> " << after;
}

TEST(SystemInfoTest, FreeMemoryIsPartOfTotal) {
  uint64_t total = TotalMemory();
  uint64_t free = FreeMemory();
  EXPECT_GT(total, 0u);
  EXPECT_GT(free, 0u);
  EXPECT_LE(free, total);
  // Agrees with the kernel's own count of pages.
  uint64_t pages = static_cast<uint64_t>(sysconf(_SC_PHYS_PAGES)) * sysconf(_SC_PAGESIZE);
  EXPECT_EQ(total, pages);
}

TEST(SystemInfoTest, OneEntryPerOnlineCpu) {
  luv::StatusOr<std::vector<CpuInfo>> cpus = CpuInfos();
  ASSERT_TRUE(cpus.ok()) << cpus.status();
  EXPECT_EQ(cpus->size(), static_cast<size_t>(sysconf(_SC_NPROCESSORS_ONLN)));
  for (const CpuInfo& cpu : *cpus) {
    EXPECT_GT(cpu.user_ms + cpu.sys_ms + cpu.idle_ms, 0u);
  }
}

TEST(SystemInfoTest, AvailableParallelismIsTheAffinityMask) {
  cpu_set_t set;
  ASSERT_EQ(sched_getaffinity(0, sizeof set, &set), 0);
  EXPECT_EQ(AvailableParallelism(), static_cast<unsigned>(CPU_COUNT(&set)));
  EXPECT_GE(AvailableParallelism(), 1u);
}

// /proc/loadavg's three averages.
LoadAverage LoadFromProc() {
  LoadAverage load;
  std::ifstream in("/proc/loadavg");
  in >> load.one >> load.five >> load.fifteen;
  return load;
}

// `value` lies between two readings of another source, give or take
// `slack` (/proc rounds to two decimals; the kernel updates its averages
// every 5 s, so the readings around a call differ at most once).
void ExpectBetween(double value, double a, double b, double slack, const char* what) {
  EXPECT_LE(std::min(a, b) - slack, value) << what;
  EXPECT_LE(value, std::max(a, b) + slack) << what;
}

TEST(SystemInfoTest, LoadAveragesAreTheKernels) {
  LoadAverage before = LoadFromProc();
  LoadAverage load = LoadAvg();
  LoadAverage after = LoadFromProc();
  EXPECT_GE(load.one, 0);
  EXPECT_GE(load.five, 0);
  EXPECT_GE(load.fifteen, 0);
  ExpectBetween(load.one, before.one, after.one, 0.011, "1 minute");
  ExpectBetween(load.five, before.five, after.five, 0.011, "5 minutes");
  ExpectBetween(load.fifteen, before.fifteen, after.fifteen, 0.011, "15 minutes");
}

TEST(SystemInfoTest, UptimeIsSecondsSinceBoot) {
  double before = 0, after = 0;
  std::ifstream("/proc/uptime") >> before;
  luv::StatusOr<double> uptime = Uptime();
  std::ifstream("/proc/uptime") >> after;
  ASSERT_TRUE(uptime.ok()) << uptime.status();
  ExpectBetween(*uptime, before, after, 1.0, "uptime");
}

TEST(SystemInfoTest, LoopbackIsListedAsInternal) {
  luv::StatusOr<std::vector<InterfaceAddress>> addresses = InterfaceAddresses();
  ASSERT_TRUE(addresses.ok()) << addresses.status();
  auto loopback =
      std::find_if(addresses->begin(), addresses->end(),
                   [](const InterfaceAddress& a) { return a.address == "127.0.0.1"; });
  ASSERT_NE(loopback, addresses->end());
  EXPECT_TRUE(loopback->is_internal);
  EXPECT_EQ(loopback->family, "inet");
  EXPECT_EQ(loopback->netmask, "255.0.0.0");
  EXPECT_FALSE(loopback->name.empty());
}

}  // namespace
}  // namespace luv::uv
