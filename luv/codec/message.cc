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

#include "luv/codec/message.h"

#include <sodium.h>

#include <cstring>
#include <map>
#include <mutex>
#include <new>

namespace luv::codec {
namespace {

struct TicketTable {
  std::mutex mutex;
  std::map<Token, Pin> tickets;  // guarded by mutex
};

TicketTable& Tickets() {
  // Never destroyed: releasing pins during static destruction could run a
  // channel's or context's destructor after what it needs is gone.
  static TicketTable* table = new TicketTable;
  return *table;
}

Token ToToken(const uint8_t* bytes) {
  Token token;
  std::memcpy(token.data(), bytes, kTokenSize);
  return token;
}

}  // namespace

bool NewToken(Token* token) {
  static const bool ready = sodium_init() >= 0;
  if (!ready) return false;
  randombytes_buf(token->data(), token->size());
  return true;
}

const Pin* FindPin(const Pins& pins, const uint8_t* token) {
  for (const Pin& pin : pins) {
    if (std::memcmp(pin.token.data(), token, kTokenSize) == 0) return &pin;
  }
  return nullptr;
}

bool DepositTickets(Pins* pins) {
  TicketTable& table = Tickets();
  bool ok = true;
  try {
    std::lock_guard<std::mutex> lock(table.mutex);
    for (Pin& pin : *pins) table.tickets.emplace(pin.token, std::move(pin));
  } catch (const std::bad_alloc&) {
    ok = false;
  }
  pins->clear();
  return ok;
}

bool RedeemTicket(const uint8_t* token, Pins* out) {
  TicketTable& table = Tickets();
  try {
    out->reserve(out->size() + 1);
  } catch (const std::bad_alloc&) {
    return false;
  }
  std::lock_guard<std::mutex> lock(table.mutex);
  auto found = table.tickets.find(ToToken(token));
  if (found == table.tickets.end()) return false;
  out->push_back(std::move(found->second));
  table.tickets.erase(found);
  return true;
}

size_t TicketCount() {
  TicketTable& table = Tickets();
  std::lock_guard<std::mutex> lock(table.mutex);
  return table.tickets.size();
}

}  // namespace luv::codec
