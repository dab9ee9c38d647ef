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

// Growable containers for code that runs between Lua API calls: they never
// throw (allocation failure is a false return) and are freed by their
// owner's destructor, so they are owned by a frame outside any lua_pcall and
// only used, through pointers, inside it. Not thread-safe; one owner.
//
// Each can also be kept between calls as scratch (the codec keeps one set
// per thread): Clear/Reset forget the contents but keep the memory, so a
// thread that encodes many messages does not allocate, and fault in, fresh
// pages for each; ReleaseAbove frees the memory when it is larger than a
// bound, so one huge message does not pin its buffers forever.
#ifndef LUV_CODEC_BUFFER_H_
#define LUV_CODEC_BUFFER_H_

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace luv::codec {

// Bytes with amortized O(1) append and an upper bound on the size.
class ByteBuffer {
 public:
  explicit ByteBuffer(size_t limit) : limit_(limit) {}
  ~ByteBuffer();
  ByteBuffer(const ByteBuffer&) = delete;
  ByteBuffer& operator=(const ByteBuffer&) = delete;

  const uint8_t* data() const { return data_; }
  uint8_t* data() { return data_; }
  size_t size() const { return size_; }
  size_t limit() const { return limit_; }

  size_t capacity() const { return capacity_; }

  // Makes room for `n` more bytes. False when that would pass the limit or
  // memory ran out.
  bool Reserve(size_t n) {
    if (n <= usable_ - size_) return true;
    return Grow(n);
  }
  // Callers Reserve first.
  void PutUnchecked(uint8_t b) { data_[size_++] = b; }
  void PutUnchecked(const void* p, size_t n) {
    if (n != 0) std::memcpy(data_ + size_, p, n);
    size_ += n;
  }
  bool Put(const void* p, size_t n) {
    if (!Reserve(n)) return false;
    PutUnchecked(p, n);
    return true;
  }
  // Inserts `n` bytes at `at` (<= size), moving what follows.
  bool Insert(size_t at, const void* p, size_t n);
  void Truncate(size_t size) { size_ = size; }
  // Empties the buffer for another use with a new limit, keeping the memory
  // (of which at most `limit` bytes are used).
  void Reset(size_t limit) {
    size_ = 0;
    limit_ = limit;
    usable_ = capacity_ < limit_ ? capacity_ : limit_;
  }
  // Frees the memory when its capacity is above `keep` bytes (emptying the
  // buffer).
  void ReleaseAbove(size_t keep);

 private:
  bool Grow(size_t n);

  uint8_t* data_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
  size_t usable_ = 0;  // min(capacity_, limit_): memory kept from a use with a
                       // higher limit does not raise this one's
  size_t limit_;
};

// A map from object addresses (lua_topointer) to 32-bit ids, open addressing.
class PointerMap {
 public:
  PointerMap() = default;
  ~PointerMap();
  PointerMap(const PointerMap&) = delete;
  PointerMap& operator=(const PointerMap&) = delete;

  // The id stored for `key`, or -1.
  int64_t Find(const void* key) const;
  // Adds `key` (not yet present). False when memory ran out.
  bool Insert(const void* key, uint32_t id);
  // One probe for both: the id already stored for `key` (>= 0), or -1 after
  // storing `id` for it, or -2 when memory ran out.
  int64_t FindOrInsert(const void* key, uint32_t id);
  size_t size() const { return size_; }
  size_t capacity_bytes() const { return capacity_ * sizeof(Slot); }
  // Forgets every key, keeping the memory. O(1): slots are stamped with the
  // generation that filled them, and a slot of an older one is empty.
  void Clear();
  // Frees the memory when it is above `keep` bytes (forgetting every key).
  void ReleaseAbove(size_t keep);

 private:
  struct Slot {
    const void* key;
    uint32_t id;
    uint32_t generation;  // filled in generation_, else empty
  };
  static size_t Hash(const void* key, size_t mask) {
    uint64_t h = reinterpret_cast<uintptr_t>(key);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return static_cast<size_t>(h) & mask;
  }
  bool Rehash(size_t capacity);

  Slot* slots_ = nullptr;
  size_t capacity_ = 0;  // a power of two, or 0
  size_t size_ = 0;
  uint32_t generation_ = 1;  // never 0, the mark of a slot never filled
};

// A vector of one byte per object id (its state while decoding or encoding).
class ByteVector {
 public:
  ByteVector() = default;
  ~ByteVector();
  ByteVector(const ByteVector&) = delete;
  ByteVector& operator=(const ByteVector&) = delete;

  bool Push(uint8_t v) {
    if (size_ == capacity_ && !Grow()) return false;
    data_[size_++] = v;
    return true;
  }
  uint8_t& operator[](size_t i) { return data_[i]; }
  uint8_t operator[](size_t i) const { return data_[i]; }
  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }
  size_t capacity() const { return capacity_; }
  void Clear() { size_ = 0; }
  // Frees the memory when it is above `keep` bytes (emptying the vector).
  void ReleaseAbove(size_t keep);

 private:
  bool Grow();

  uint8_t* data_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

}  // namespace luv::codec

#endif  // LUV_CODEC_BUFFER_H_
