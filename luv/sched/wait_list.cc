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

#include "luv/sched/wait_list.h"

namespace luv::sched {

void WaitNode::Unlink() {
  if (!linked()) return;
  prev->next = next;
  next->prev = prev;
  prev = next = nullptr;
}

WaitList::~WaitList() {
  while (PopFront() != nullptr) {
  }
}

void WaitList::Add(WaitNode* node) {
  node->Unlink();
  node->prev = head_.prev;
  node->next = &head_;
  head_.prev->next = node;
  head_.prev = node;
}

WaitNode* WaitList::PopFront() {
  if (empty()) return nullptr;
  auto* node = static_cast<WaitNode*>(head_.next);
  node->Unlink();
  return node;
}

void WaitList::Splice(WaitList* other) {
  if (other->empty()) return;
  WaitLink* first = other->head_.next;
  WaitLink* last = other->head_.prev;
  other->head_.prev = other->head_.next = &other->head_;
  first->prev = head_.prev;
  last->next = &head_;
  head_.prev->next = first;
  head_.prev = last;
}

}  // namespace luv::sched
