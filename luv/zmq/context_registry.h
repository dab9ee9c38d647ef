// The registry of live contexts by id, and identity handles: how a context
// crosses from one Lua state to another through luv.codec.
//
// A blob carries only the context's id: 53 random bits (exact in a Lua
// number), so bytes from elsewhere cannot name a live context by guessing.
// Between encoding and decoding no
// Lua state may hold the context any more (the sender dropped it, say), so
// the encoder Lends it: the registry keeps one reference per Lend until a
// decoder Claims it. A claim takes one such reference over if there is one,
// and otherwise just finds the context if it is still alive; a stale id
// finds nothing (ids are not reused: a repeat of 53 random bits is not a
// practical concern). A blob that is never decoded keeps
// its context until the process exits; decoding one blob twice works as
// long as the context lives.
//
// Thread-safe.
#ifndef LUV_ZMQ_CONTEXT_REGISTRY_H_
#define LUV_ZMQ_CONTEXT_REGISTRY_H_

#include <cstdint>
#include <memory>

namespace luv::zmq {

class Context;

// A fresh id: random, nonzero, below 2^53, not held by a live context; it
// is reserved until RegisterContext or UnregisterContext.
uint64_t NewContextId();

// Records a context under its id (Context::Create calls it) and forgets it
// (~Context calls it).
void RegisterContext(uint64_t id, std::weak_ptr<Context> context);
void UnregisterContext(uint64_t id);

// The live context with `id`, or null.
std::shared_ptr<Context> FindContext(uint64_t id);

// Keeps `context` alive for one later ClaimContext of its id; returns the id.
uint64_t LendContext(const std::shared_ptr<Context>& context);

// The context with `id`, taking over one lent reference if any is left;
// null if the context no longer exists.
std::shared_ptr<Context> ClaimContext(uint64_t id);

// How many lent references to `id` are unclaimed (for tests).
int LentCount(uint64_t id);

}  // namespace luv::zmq

#endif  // LUV_ZMQ_CONTEXT_REGISTRY_H_
