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

#include <unistd.h>

#include <algorithm>

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
