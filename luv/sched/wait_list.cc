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
  head_.prev = head_.next = nullptr;  // so ~WaitNode of head_ sees it unlinked
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
  WaitNode* node = head_.next;
  node->Unlink();
  return node;
}

void WaitList::Splice(WaitList* other) {
  if (other->empty()) return;
  WaitNode* first = other->head_.next;
  WaitNode* last = other->head_.prev;
  other->head_.prev = other->head_.next = &other->head_;
  first->prev = head_.prev;
  last->next = &head_;
  head_.prev->next = first;
  head_.prev = last;
}

}  // namespace luv::sched
