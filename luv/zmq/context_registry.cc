#include "luv/zmq/context_registry.h"

#include <sys/random.h>

#include <mutex>
#include <random>
#include <unordered_map>
#include <utility>

#include "luv/zmq/context.h"

namespace luv::zmq {
namespace {

struct Entry {
  std::weak_ptr<Context> context;
  // One reference stands for every unclaimed Lend.
  std::shared_ptr<Context> lent;
  int lent_count = 0;
};

struct Registry {
  std::mutex mutex;
  std::unordered_map<uint64_t, Entry> entries;  // guarded by mutex
};

// Never destroyed: contexts may end in any thread while statics are torn
// down at exit.
Registry& TheRegistry() {
  static Registry* registry = new Registry;
  return *registry;
}

uint64_t RandomBits() {
  uint64_t bits = 0;
  if (getrandom(&bits, sizeof(bits), 0) == sizeof(bits)) return bits;
  std::random_device device;  // getrandom is missing or was interrupted
  return (static_cast<uint64_t>(device()) << 32) ^ device();
}

}  // namespace

uint64_t NewContextId() {
  Registry& registry = TheRegistry();
  for (;;) {
    uint64_t id = RandomBits() & ((uint64_t{1} << 53) - 1);
    std::lock_guard<std::mutex> lock(registry.mutex);
    if (id != 0 && registry.entries.emplace(id, Entry()).second) return id;
  }
}

void RegisterContext(uint64_t id, std::weak_ptr<Context> context) {
  Registry& registry = TheRegistry();
  std::lock_guard<std::mutex> lock(registry.mutex);
  registry.entries[id].context = std::move(context);
}

void UnregisterContext(uint64_t id) {
  Registry& registry = TheRegistry();
  std::lock_guard<std::mutex> lock(registry.mutex);
  registry.entries.erase(id);
}

std::shared_ptr<Context> FindContext(uint64_t id) {
  Registry& registry = TheRegistry();
  std::lock_guard<std::mutex> lock(registry.mutex);
  auto it = registry.entries.find(id);
  return it == registry.entries.end() ? nullptr : it->second.context.lock();
}

uint64_t LendContext(const std::shared_ptr<Context>& context) {
  Registry& registry = TheRegistry();
  std::lock_guard<std::mutex> lock(registry.mutex);
  Entry& entry = registry.entries[context->id()];
  if (entry.lent_count++ == 0) entry.lent = context;
  return context->id();
}

std::shared_ptr<Context> ClaimContext(uint64_t id) {
  std::shared_ptr<Context> found;
  std::shared_ptr<Context> dropped;  // released after the lock: it may be the last
  {
    Registry& registry = TheRegistry();
    std::lock_guard<std::mutex> lock(registry.mutex);
    auto it = registry.entries.find(id);
    if (it == registry.entries.end()) return nullptr;
    Entry& entry = it->second;
    found = entry.context.lock();
    if (entry.lent_count > 0 && --entry.lent_count == 0) dropped = std::move(entry.lent);
  }
  return found;
}

int LentCount(uint64_t id) {
  Registry& registry = TheRegistry();
  std::lock_guard<std::mutex> lock(registry.mutex);
  auto it = registry.entries.find(id);
  return it == registry.entries.end() ? 0 : it->second.lent_count;
}

}  // namespace luv::zmq
