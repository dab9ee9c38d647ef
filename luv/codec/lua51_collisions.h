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

// What building a blob's values costs Lua 5.1 in key comparisons, counted
// before any value is built, so that hostile keys are refused instead of
// taking seconds.
//
// Lua 5.1's hash functions are fixed and unseeded: numbers whose two 32-bit
// halves add up to the same value, or strings that agree on the characters
// the hash samples, land in one chain, and every insertion walks the whole
// chain (100,000 such keys in a 1 MB blob: 8 s). This class replays what the
// decoder's pushes will make Lua do: the string table that interns every
// string (it starts at 32 buckets and doubles when full, as lstring.c does),
// and each table's hash part, presized as the decoder presizes it (and
// doubled as ltable.c's rehash would, past the presize cap). It counts one
// comparison per chain node visited (more for strings of equal length,
// which Lua compares byte by byte) and reports failure once the count
// passes the budget, so its own work is bounded by the budget too.
//
// Lua 5.1.5 is the last 5.1 release, so the functions copied here in spirit
// (hashnum, the string hash, mainposition) cannot change under us. Other VMs
// hash differently and are not modelled. Plain C++, no Lua; one decode owns
// one instance; pointers given to String must stay valid until it dies.
#ifndef LUV_CODEC_LUA51_COLLISIONS_H_
#define LUV_CODEC_LUA51_COLLISIONS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace luv::codec {

class Lua51Collisions {
 public:
  explicit Lua51Collisions(int64_t budget = 0) : budget_(budget) {}

  // Starts over for another blob, keeping the memory of earlier ones (up to
  // a bound), so that a thread decoding many blobs does not allocate and
  // fault in fresh pages for each.
  void Reset(int64_t budget);

  // Events in blob order, as the parser reports them. Each returns false
  // once the count is over the budget (or memory ran out).
  bool String(const uint8_t* p, size_t n);
  void Number(double d);
  void Boolean(bool b);
  // The value just parsed was a table, function or other object.
  void Object() { last_ = Key{Key::kNone, 0}; }
  bool TableBegin(uint64_t narray, uint64_t nhash);
  // The value just parsed is a hash key of the innermost table.
  bool HashKey();
  bool TableEnd();

  int64_t count() const { return count_; }
  bool out_of_memory() const { return out_of_memory_; }

  // Lua 5.1's string hash, and its number hash before the modulo.
  static uint32_t StringHash(const uint8_t* p, size_t n);
  static uint32_t NumberHash(double d);

 private:
  struct Key {
    // kPow2: bucket is hash & (size - 1) (strings, booleans). kMod: bucket
    // is hash % ((size - 1) | 1) (numbers). kZero: always bucket 0 (the
    // number 0). kNone: not a key we model (objects: their addresses).
    enum Kind : uint8_t { kNone, kPow2, kMod, kZero } kind;
    uint32_t hash;
  };
  struct Frame {
    uint64_t narray;
    uint64_t nhash;
    size_t first_key;     // this table's keys start here in keys_
    uint64_t small_keys;  // keys so far, for tables not modelled
  };
  struct Interned {
    const uint8_t* p;
    size_t n;
    uint64_t fingerprint;
    uint32_t hash;
    uint32_t next;  // index + 1 in strings_, 0 ends the chain
  };

  bool Charge(int64_t comparisons) {
    count_ += comparisons;
    return count_ <= budget_;
  }
  bool GrowStringTable();
  // Comparisons to insert `keys` one by one into a hash part of `size`
  // nodes.
  bool ChargeTable(const Key* keys, size_t n, uint64_t size);

  int64_t budget_;
  int64_t count_ = 0;
  bool out_of_memory_ = false;
  Key last_{Key::kNone, 0};
  double last_number_ = 0;
  std::vector<Interned> strings_;
  std::vector<uint32_t> buckets_;  // heads, index + 1 in strings_
  std::vector<Frame> frames_;
  std::vector<Key> keys_;
  std::vector<uint32_t> chain_lengths_;
};

}  // namespace luv::codec

#endif  // LUV_CODEC_LUA51_COLLISIONS_H_
