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

#include "luv/codec/buffer.h"

#include <cstdlib>
#include <cstring>

namespace luv::codec {

ByteBuffer::~ByteBuffer() { std::free(data_); }

bool ByteBuffer::Grow(size_t n) {
  if (n > limit_ - size_) return false;
  size_t want = size_ + n;
  size_t capacity = capacity_ < 256 ? 256 : capacity_;
  while (capacity < want) capacity = capacity > limit_ / 2 ? limit_ : capacity * 2;
  if (capacity > limit_) capacity = limit_;
  void* grown = std::realloc(data_, capacity);
  if (grown == nullptr) return false;
  data_ = static_cast<uint8_t*>(grown);
  capacity_ = capacity;
  usable_ = capacity;
  return true;
}

void ByteBuffer::ReleaseAbove(size_t keep) {
  size_ = 0;
  if (capacity_ <= keep) return;
  std::free(data_);
  data_ = nullptr;
  capacity_ = 0;
  usable_ = 0;
}

bool ByteBuffer::Insert(size_t at, const void* p, size_t n) {
  if (!Reserve(n)) return false;
  std::memmove(data_ + at + n, data_ + at, size_ - at);
  std::memcpy(data_ + at, p, n);
  size_ += n;
  return true;
}

PointerMap::~PointerMap() { std::free(slots_); }

void PointerMap::Clear() {
  size_ = 0;
  if (++generation_ != 0) return;
  // Wrapped around after 2^32 clears: stamps from the last round would look
  // current again.
  if (slots_ != nullptr) std::memset(slots_, 0, capacity_ * sizeof(Slot));
  generation_ = 1;
}

void PointerMap::ReleaseAbove(size_t keep) {
  Clear();
  if (capacity_bytes() <= keep) return;
  std::free(slots_);
  slots_ = nullptr;
  capacity_ = 0;
}

int64_t PointerMap::Find(const void* key) const {
  if (capacity_ == 0) return -1;
  size_t mask = capacity_ - 1;
  for (size_t i = Hash(key, mask); slots_[i].generation == generation_;
       i = (i + 1) & mask) {
    if (slots_[i].key == key) return slots_[i].id;
  }
  return -1;
}

bool PointerMap::Insert(const void* key, uint32_t id) {
  // Keep the load factor at most 1/2 so probes stay short.
  if ((size_ + 1) * 2 > capacity_ && !Rehash(capacity_ == 0 ? 64 : capacity_ * 2)) {
    return false;
  }
  size_t mask = capacity_ - 1;
  size_t i = Hash(key, mask);
  while (slots_[i].generation == generation_) i = (i + 1) & mask;
  slots_[i] = Slot{key, id, generation_};
  ++size_;
  return true;
}

int64_t PointerMap::FindOrInsert(const void* key, uint32_t id) {
  if ((size_ + 1) * 2 > capacity_ && !Rehash(capacity_ == 0 ? 64 : capacity_ * 2))
    return -2;
  size_t mask = capacity_ - 1;
  size_t i = Hash(key, mask);
  for (; slots_[i].generation == generation_; i = (i + 1) & mask) {
    if (slots_[i].key == key) return slots_[i].id;
  }
  slots_[i] = Slot{key, id, generation_};
  ++size_;
  return -1;
}

bool PointerMap::Rehash(size_t capacity) {
  Slot* slots = static_cast<Slot*>(std::calloc(capacity, sizeof(Slot)));
  if (slots == nullptr) return false;
  size_t mask = capacity - 1;
  // The new slots are all stamped 0, empty in every generation.
  for (size_t j = 0; j < capacity_; ++j) {
    if (slots_[j].generation != generation_) continue;
    size_t i = Hash(slots_[j].key, mask);
    while (slots[i].generation == generation_) i = (i + 1) & mask;
    slots[i] = slots_[j];
  }
  std::free(slots_);
  slots_ = slots;
  capacity_ = capacity;
  return true;
}

ByteVector::~ByteVector() { std::free(data_); }

void ByteVector::ReleaseAbove(size_t keep) {
  size_ = 0;
  if (capacity_ <= keep) return;
  std::free(data_);
  data_ = nullptr;
  capacity_ = 0;
}

bool ByteVector::Grow() {
  size_t capacity = capacity_ == 0 ? 64 : capacity_ * 2;
  void* grown = std::realloc(data_, capacity);
  if (grown == nullptr) return false;
  data_ = static_cast<uint8_t*>(grown);
  capacity_ = capacity;
  return true;
}

}  // namespace luv::codec
