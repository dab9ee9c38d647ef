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

#include "luv/codec/identity.h"

#include <cstring>
#include <mutex>

#include "luv/base/strings.h"
#include "luv/codec/format.h"

namespace luv::codec {
namespace {

constexpr int kMaxTypes = 32;

struct Registry {
  std::mutex mutex;
  IdentityType types[kMaxTypes];
  int count = 0;
};

Registry& TheRegistry() {
  static Registry* registry = new Registry;  // lives as long as the process
  return *registry;
}

bool SameName(const char* a, const char* b, size_t b_size) {
  return std::strlen(a) == b_size && std::memcmp(a, b, b_size) == 0;
}

}  // namespace

luv::Status RegisterIdentityType(const IdentityType& type) {
  if (type.metatable == nullptr || type.lend == nullptr || type.push == nullptr) {
    return luv::InvalidArgumentError("identity type needs a name and both callbacks");
  }
  size_t length = std::strlen(type.metatable);
  if (length == 0 || length > kMaxNameLength) {
    return luv::InvalidArgumentError(
        luv::StrCat("identity type name must have 1 to ", kMaxNameLength, " bytes"));
  }
  Registry& registry = TheRegistry();
  std::lock_guard<std::mutex> lock(registry.mutex);
  for (int i = 0; i < registry.count; ++i) {
    const IdentityType& known = registry.types[i];
    if (!SameName(known.metatable, type.metatable, length)) continue;
    if (known.lend == type.lend && known.push == type.push) {
      return luv::OkStatus();
    }
    return luv::AlreadyExistsError(
        luv::StrCat("identity type ", type.metatable, " is registered already"));
  }
  if (registry.count == kMaxTypes) {
    return luv::ResourceExhaustedError("too many identity types");
  }
  registry.types[registry.count++] = type;
  return luv::OkStatus();
}

bool FindIdentityType(const char* name, size_t size, IdentityType* out) {
  Registry& registry = TheRegistry();
  std::lock_guard<std::mutex> lock(registry.mutex);
  for (int i = 0; i < registry.count; ++i) {
    if (SameName(registry.types[i].metatable, name, size)) {
      *out = registry.types[i];
      return true;
    }
  }
  return false;
}

bool ForEachIdentityType(bool (*visit)(const IdentityType& type, void* context),
                         void* context) {
  IdentityType types[kMaxTypes];
  int count;
  {
    Registry& registry = TheRegistry();
    std::lock_guard<std::mutex> lock(registry.mutex);
    count = registry.count;
    std::memcpy(types, registry.types, sizeof(IdentityType) * count);
  }
  for (int i = 0; i < count; ++i) {
    if (visit(types[i], context)) return true;
  }
  return false;
}

}  // namespace luv::codec
