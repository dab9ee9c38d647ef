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

#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"

namespace luv::uv {
namespace {

// The first line of a /proc file.
std::string FirstLine(const char* path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

// /proc/self/stat's pid (field 1) and ppid (field 4); the command name in
// field 2 may hold spaces, so fields are counted after its closing ')'.
void PidsFromProc(int64_t* pid, int64_t* ppid) {
  std::string stat = FirstLine("/proc/self/stat");
  *pid = std::strtoll(stat.c_str(), nullptr, 10);
  std::istringstream rest(stat.substr(stat.rfind(')') + 1));
  std::string state;
  rest >> state >> *ppid;
}

// /proc/self/status's VmHWM (peak resident set), in bytes.
uint64_t PeakRssFromProc() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) {
      return std::strtoull(line.c_str() + 6, nullptr, 10) * 1024;
    }
  }
  return 0;
}

double ProcessCpuSeconds() {
  timespec now;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

TEST(OsInfoTest, PidAndPpidAreTheKernels) {
  int64_t pid = 0, ppid = 0;
  PidsFromProc(&pid, &ppid);
  EXPECT_EQ(Pid(), pid);
  EXPECT_EQ(Pid(), getpid());
  EXPECT_EQ(Ppid(), ppid);
  EXPECT_EQ(Ppid(), getppid());
  EXPECT_NE(Pid(), Ppid());
}

TEST(OsInfoTest, HostnameIsTheKernels) {
  luv::StatusOr<std::string> name = Hostname();
  ASSERT_TRUE(name.ok()) << name.status();
  EXPECT_FALSE(name->empty());
  EXPECT_EQ(*name, FirstLine("/proc/sys/kernel/hostname"));
}

TEST(OsInfoTest, UnameNamesLinuxAndItsRelease) {
  luv::StatusOr<Utsname> names = Uname();
  ASSERT_TRUE(names.ok()) << names.status();
  EXPECT_EQ(names->sysname, "Linux");
  EXPECT_EQ(names->release, FirstLine("/proc/sys/kernel/osrelease"));
  EXPECT_EQ(names->version, FirstLine("/proc/sys/kernel/version"));
  EXPECT_FALSE(names->machine.empty());
}

TEST(OsInfoTest, RusageCountsCpuTimeAndPageFaults) {
  luv::StatusOr<ResourceUsage> before = Rusage();
  ASSERT_TRUE(before.ok()) << before.status();
  // 50 ms of user CPU time.
  double start = ProcessCpuSeconds();
  volatile uint64_t sink = 0;
  while (ProcessCpuSeconds() - start < 0.05) {
    for (int i = 0; i < 10000; ++i) sink = sink + i;
  }
  // 8 MiB of fresh small pages, each touched once: minor faults.
  constexpr size_t kBytes = 8 << 20;
  void* map =
      mmap(nullptr, kBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  ASSERT_NE(map, MAP_FAILED);
  madvise(map, kBytes, MADV_NOHUGEPAGE);
  char* pages = static_cast<char*>(map);
  for (size_t i = 0; i < kBytes; i += 4096) pages[i] = static_cast<char>(i | 1);
  uint64_t peak = PeakRssFromProc();
  luv::StatusOr<ResourceUsage> after = Rusage();
  ASSERT_TRUE(after.ok()) << after.status();

  EXPECT_GE(after->utime_s - before->utime_s, 0.025)
      << before->utime_s << " -> " << after->utime_s;
  EXPECT_GE(after->utime_s + after->stime_s - before->utime_s - before->stime_s, 0.045);
  EXPECT_GE(after->stime_s, before->stime_s);
  EXPECT_GE(after->minflt - before->minflt, kBytes / 4096 / 2)
      << before->minflt << " -> " << after->minflt;
  // Bytes, not KiB: at least the pages just touched, and about the peak
  // /proc reported just before (the kernel's counts of resident pages are
  // per-CPU sums that the two files may take at different moments).
  EXPECT_GE(after->maxrss_bytes, static_cast<uint64_t>(kBytes));
  EXPECT_GE(after->maxrss_bytes + (1 << 20), peak);
  munmap(map, kBytes);
}

}  // namespace
}  // namespace luv::uv
