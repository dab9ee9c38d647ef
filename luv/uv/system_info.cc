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

#include <uv.h>

#include <cstdio>

#include "luv/base/strings.h"
#include "luv/uv/status.h"

namespace luv::uv {
namespace {

// Printable form of an IPv4 or IPv6 socket address; empty for other families.
std::string FormatAddress(const sockaddr* address) {
  char text[INET6_ADDRSTRLEN] = {0};
  if (address->sa_family == AF_INET) {
    uv_ip4_name(reinterpret_cast<const sockaddr_in*>(address), text, sizeof(text));
  } else if (address->sa_family == AF_INET6) {
    uv_ip6_name(reinterpret_cast<const sockaddr_in6*>(address), text, sizeof(text));
  }
  return text;
}

std::string FormatMac(const char (&mac)[6]) {
  const auto* b = reinterpret_cast<const unsigned char*>(mac);
  char text[sizeof "00:11:22:33:44:55"];
  std::snprintf(text, sizeof text, "%02x:%02x:%02x:%02x:%02x:%02x", b[0], b[1], b[2],
                b[3], b[4], b[5]);
  return text;
}

}  // namespace

uint64_t HrTime() { return uv_hrtime(); }

uint64_t TotalMemory() { return uv_get_total_memory(); }

uint64_t FreeMemory() { return uv_get_free_memory(); }

luv::StatusOr<std::vector<CpuInfo>> CpuInfos() {
  uv_cpu_info_t* cpus = nullptr;
  int count = 0;
  if (int rc = uv_cpu_info(&cpus, &count); rc < 0) return UvStatus(rc, "cpu_info");
  std::vector<CpuInfo> result;
  result.reserve(count);
  for (int i = 0; i < count; ++i) {
    const uv_cpu_info_t& cpu = cpus[i];
    result.push_back(CpuInfo{cpu.model ? cpu.model : "", cpu.speed, cpu.cpu_times.user,
                             cpu.cpu_times.nice, cpu.cpu_times.sys, cpu.cpu_times.idle,
                             cpu.cpu_times.irq});
  }
  uv_free_cpu_info(cpus, count);
  return result;
}

unsigned AvailableParallelism() {
#if UV_VERSION_HEX >= 0x012c00  // uv_available_parallelism is libuv 1.44's
  return uv_available_parallelism();
#else
  // Older libuv: every CPU the system lists.
  uv_cpu_info_t* cpus = nullptr;
  int count = 0;
  if (uv_cpu_info(&cpus, &count) < 0) return 1;
  uv_free_cpu_info(cpus, count);
  return count > 0 ? static_cast<unsigned>(count) : 1;
#endif
}

LoadAverage LoadAvg() {
  double average[3] = {0, 0, 0};
  uv_loadavg(average);
  return LoadAverage{average[0], average[1], average[2]};
}

luv::StatusOr<double> Uptime() {
  double seconds = 0;
  if (int rc = uv_uptime(&seconds); rc < 0) return UvStatus(rc, "uptime");
  return seconds;
}

luv::StatusOr<std::vector<InterfaceAddress>> InterfaceAddresses() {
  uv_interface_address_t* addresses = nullptr;
  int count = 0;
  if (int rc = uv_interface_addresses(&addresses, &count); rc < 0) {
    return UvStatus(rc, "interface_addresses");
  }
  std::vector<InterfaceAddress> result;
  result.reserve(count);
  for (int i = 0; i < count; ++i) {
    const uv_interface_address_t& entry = addresses[i];
    const sockaddr* address = reinterpret_cast<const sockaddr*>(&entry.address);
    result.push_back(InterfaceAddress{
        entry.name, entry.is_internal != 0,
        address->sa_family == AF_INET6 ? "inet6" : "inet", FormatAddress(address),
        FormatAddress(reinterpret_cast<const sockaddr*>(&entry.netmask)),
        FormatMac(entry.phys_addr)});
  }
  uv_free_interface_addresses(addresses, count);
  return result;
}

}  // namespace luv::uv
