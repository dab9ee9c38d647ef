#include "luv/zmq/context_registry.h"

#include <mutex>
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

}  // namespace

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
