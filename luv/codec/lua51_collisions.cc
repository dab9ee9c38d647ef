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

#include "luv/codec/lua51_collisions.h"

#include <cstring>
#include <new>
#include <type_traits>

#include "luv/codec/format.h"

namespace luv::codec {
namespace {

constexpr uint32_t kFirstStringTableSize = 32;  // lstring.c's MINSTRTABSIZE

// A fingerprint of all of a string's bytes, so that walking a chain of
// strings with one Lua hash compares 8 bytes per node instead of whole
// strings. Not a defence in itself (the walk is charged either way); a
// match is confirmed with memcmp.
uint64_t Fingerprint(const uint8_t* p, size_t n) {
  uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
  while (n >= 8) {
    uint64_t word;
    std::memcpy(&word, p, 8);
    h = (h ^ word) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
    p += 8;
    n -= 8;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  h = (h ^ tail) * 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 29);
}

// Tables of at most this many hash entries are not modelled.
constexpr uint64_t kSmallTable = 8;

// Strings up to this long are compared with memcmp at once.
constexpr size_t kShortString = 32;

// What Lua pays for comparing two strings of equal length: a memcmp that an
// attacker can make run to the end.
int64_t EqualLengthCost(size_t n) { return 1 + static_cast<int64_t>(n / 32); }

// The node count lua_createtable gives a hash part of `n` entries: the
// next power of two (one dummy node for none).
uint64_t NodesFor(uint64_t n) {
  uint64_t size = 1;
  while (size < n) size <<= 1;
  return size;
}

}  // namespace

uint32_t Lua51Collisions::StringHash(const uint8_t* p, size_t n) {
  // lstring.c: seeded with the length; long strings sample every step-th
  // byte from the end.
  uint32_t h = static_cast<uint32_t>(n);
  size_t step = (n >> 5) + 1;
  for (size_t left = n; left >= step; left -= step) {
    h = h ^ ((h << 5) + (h >> 2) + p[left - 1]);
  }
  return h;
}

uint32_t Lua51Collisions::NumberHash(double d) {
  // ltable.c's hashnum: the sum of the double's two 32-bit words.
  uint32_t words[2];
  std::memcpy(words, &d, sizeof words);
  return words[0] + words[1];
}

void Lua51Collisions::Reset(int64_t budget) {
  budget_ = budget;
  count_ = 0;
  out_of_memory_ = false;
  last_ = Key{Key::kNone, 0};
  // Keep up to about a megabyte of each; a huge blob's memory goes back.
  constexpr size_t kKeepBytes = size_t{1} << 20;
  auto trim = [](auto& v) {
    v.clear();
    if (v.capacity() * sizeof(v[0]) > kKeepBytes) std::decay_t<decltype(v)>().swap(v);
  };
  trim(strings_);
  trim(buckets_);
  trim(frames_);
  trim(keys_);
  trim(chain_lengths_);
}

bool Lua51Collisions::GrowStringTable() {
  size_t size = buckets_.empty() ? kFirstStringTableSize : buckets_.size() * 2;
  buckets_.assign(size, 0);
  for (size_t i = 0; i < strings_.size(); ++i) {
    uint32_t& head = buckets_[strings_[i].hash & (size - 1)];
    strings_[i].next = head;
    head = static_cast<uint32_t>(i + 1);
  }
  return true;
}

bool Lua51Collisions::String(const uint8_t* p, size_t n) {
  uint32_t hash = StringHash(p, n);
  last_ = Key{Key::kPow2, hash};
  // Short strings compare directly; long ones by fingerprint first, made
  // only when a chain holds a string of the same length.
  bool use_fingerprint = n > kShortString;
  uint64_t fingerprint = 0;
  bool have_fingerprint = false;
  try {
    if (buckets_.empty()) GrowStringTable();
    uint32_t& head = buckets_[hash & (buckets_.size() - 1)];
    int64_t cost = 0;
    for (uint32_t i = head; i != 0; i = strings_[i - 1].next) {
      Interned& s = strings_[i - 1];
      if (s.n != n) {
        ++cost;
        continue;
      }
      cost += EqualLengthCost(n);
      bool same;
      if (s.hash != hash) {
        // Lua compares the bytes (and is charged for it above); different
        // hashes already prove the strings differ, so the model skips them.
        same = false;
      } else if (use_fingerprint) {
        if (!have_fingerprint) {
          fingerprint = Fingerprint(p, n);
          have_fingerprint = true;
        }
        if (s.fingerprint == 0) s.fingerprint = Fingerprint(s.p, s.n) | 1;
        same = s.fingerprint == (fingerprint | 1) && std::memcmp(s.p, p, n) == 0;
      } else {
        same = std::memcmp(s.p, p, n) == 0;
      }
      if (same) return Charge(cost);
      // A chain longer than what is left of the budget fails anyway.
      if (count_ + cost > budget_) return Charge(cost);
    }
    // 0: not computed yet; computed fingerprints are stored odd.
    strings_.push_back(
        Interned{p, n, have_fingerprint ? (fingerprint | 1) : 0, hash, head});
    head = static_cast<uint32_t>(strings_.size());
    if (strings_.size() > buckets_.size()) GrowStringTable();
    return Charge(cost);
  } catch (const std::bad_alloc&) {
    out_of_memory_ = true;
    return false;
  }
}

void Lua51Collisions::Number(double d) {
  last_number_ = d;
  last_ = d == 0 ? Key{Key::kZero, 0} : Key{Key::kMod, NumberHash(d)};
}

void Lua51Collisions::Boolean(bool b) { last_ = Key{Key::kPow2, b ? 1u : 0u}; }

bool Lua51Collisions::TableBegin(uint64_t narray, uint64_t nhash) {
  try {
    frames_.push_back(Frame{narray < kMaxPresize ? narray : kMaxPresize, nhash,
                            keys_.size(), 0});
  } catch (const std::bad_alloc&) {
    out_of_memory_ = true;
    return false;
  }
  return true;
}

bool Lua51Collisions::HashKey() {
  if (frames_.empty()) return true;
  Frame& frame = frames_.back();
  // Small tables are charged their worst case (every key in one chain)
  // without modelling: cheaper than the model, and never more than the
  // default budget grants for the bytes their keys take.
  if (frame.nhash <= kSmallTable) {
    return Charge(frame.small_keys++);
  }
  if (last_.kind == Key::kNone) return true;
  // Whole numbers within the presized array part go there, not to a chain.
  if (last_.kind == Key::kMod && last_number_ >= 1 &&
      last_number_ <= static_cast<double>(frame.narray) &&
      last_number_ == static_cast<double>(static_cast<uint64_t>(last_number_))) {
    return true;
  }
  try {
    keys_.push_back(last_);
  } catch (const std::bad_alloc&) {
    out_of_memory_ = true;
    return false;
  }
  return true;
}

bool Lua51Collisions::ChargeTable(const Key* keys, size_t n, uint64_t size) {
  try {
    chain_lengths_.assign(size, 0);
  } catch (const std::bad_alloc&) {
    out_of_memory_ = true;
    return false;
  }
  uint32_t odd = static_cast<uint32_t>((size - 1) | 1);
  int64_t comparisons = 0;
  for (size_t i = 0; i < n; ++i) {
    uint64_t node = 0;
    if (keys[i].kind == Key::kPow2) node = keys[i].hash & (size - 1);
    if (keys[i].kind == Key::kMod) node = keys[i].hash % odd;
    // A new key walks the chain of its main position to the end; ltable.c
    // keeps keys of one main position, and only them, in one chain.
    comparisons += chain_lengths_[node]++;
  }
  return Charge(comparisons);
}

bool Lua51Collisions::TableEnd() {
  last_ = Key{Key::kNone, 0};
  if (frames_.empty()) return true;
  Frame frame = frames_.back();
  frames_.pop_back();
  size_t n = keys_.size() - frame.first_key;
  bool ok = true;
  if (n > 1) {
    // Presized to at most kMaxPresize nodes; past that, each time the part
    // is full Lua doubles it and inserts every key again.
    uint64_t size = NodesFor(frame.nhash < kMaxPresize ? frame.nhash : kMaxPresize);
    const Key* keys = keys_.data() + frame.first_key;
    for (;;) {
      size_t inserted = n < size ? n : static_cast<size_t>(size);
      if (!ChargeTable(keys, inserted, size)) {
        ok = false;
        break;
      }
      if (n <= size) break;
      size *= 2;
    }
  }
  keys_.resize(frame.first_key);
  return ok;
}

}  // namespace luv::codec
