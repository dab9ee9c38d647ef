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

#include "luv/sched/sleep_heap.h"

#include "luv/sched/state.h"

namespace luv::sched {

void SleepHeap::Place(size_t index, const Entry& entry) {
  entries_[index] = entry;
  entry.state->sleep_slot_ = static_cast<int32_t>(index);
}

void SleepHeap::SiftUp(size_t index, Entry entry) {
  while (index > 0) {
    size_t parent = (index - 1) / kArity;
    if (!Before(entry, entries_[parent])) break;
    Place(index, entries_[parent]);
    index = parent;
  }
  Place(index, entry);
}

void SleepHeap::SiftDown(size_t index, Entry entry) {
  size_t size = entries_.size();
  for (;;) {
    size_t first = kArity * index + 1;
    if (first >= size) break;
    size_t last = first + kArity < size ? first + kArity : size;
    size_t child = first;
    for (size_t i = first + 1; i < last; ++i) {
      if (Before(entries_[i], entries_[child])) child = i;
    }
    if (!Before(entries_[child], entry)) break;
    Place(index, entries_[child]);
    index = child;
  }
  Place(index, entry);
}

void SleepHeap::Push(State* state, uint64_t deadline, Kind kind) {
  uint64_t order = next_order_++ & ((uint64_t{1} << kOrderBits) - 1);
  state->sleep_kind_ = static_cast<uint8_t>(kind);
  entries_.push_back(Entry{deadline << kOrderBits | order, state});
  SiftUp(entries_.size() - 1, entries_.back());
}

void SleepHeap::RemoveAt(size_t index) {
  State* removed = entries_[index].state;
  Entry last = entries_.back();
  entries_.pop_back();
  removed->sleep_slot_ = -1;
  if (index == entries_.size()) return;  // it was the last entry
  if (index > 0 && Before(last, entries_[(index - 1) / kArity])) {
    SiftUp(index, last);
  } else {
    SiftDown(index, last);
  }
}

void SleepHeap::Remove(State* state) {
  if (state->sleep_slot_ >= 0) RemoveAt(static_cast<size_t>(state->sleep_slot_));
}

State* SleepHeap::PopDue(uint64_t now, Kind* kind) {
  if (entries_.empty() || DeadlineOf(entries_.front()) > now) return nullptr;
  State* state = entries_.front().state;
  *kind = static_cast<Kind>(state->sleep_kind_);
  RemoveAt(0);
  return state;
}

}  // namespace luv::sched
