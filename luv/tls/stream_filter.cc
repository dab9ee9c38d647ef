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

#include "luv/tls/stream_filter.h"

#include <memory>

namespace luv::tls {
namespace {

// Decrypted bytes pass through this per-thread block on their way to the
// stream's buffer (one TLS record is at most 16 KiB); freed at the thread's
// exit.
constexpr size_t kPlainChunk = 16 * 1024;
thread_local std::unique_ptr<char[]> plain_chunk;

}  // namespace

luv::Status TlsFilter::Receive(std::string_view wire, uv::ReadBuffer* plain) {
  if (!wire.empty()) session_->Feed(wire);
  if (!session_->handshake_done()) {
    luv::StatusOr<bool> done = session_->Handshake();
    if (!done.ok()) return done.status();
    if (!*done) return luv::OkStatus();
  }
  if (plain_chunk == nullptr) plain_chunk.reset(new char[kPlainChunk]);
  for (;;) {
    bool closed = false;
    luv::StatusOr<size_t> n = session_->Read(plain_chunk.get(), kPlainChunk, &closed);
    if (!n.ok()) return n.status();
    if (*n == 0) return luv::OkStatus();
    plain->Append(std::string_view(plain_chunk.get(), *n));
  }
}

luv::Status TlsFilter::WireEnded() {
  if (!session_->handshake_done()) {
    return luv::Status(luv::StatusCode::kUnavailable,
                       "the peer closed the connection during the handshake");
  }
  // After the handshake a close without close_notify reads as EOF, as most
  // TLS stacks report it (docs/decisions.md).
  return luv::OkStatus();
}

luv::Status TlsFilter::Send(std::string_view plain, std::string* wire) {
  if (!plain.empty()) {
    luv::Status written = session_->Write(plain);
    if (!written.ok()) return written;
  }
  TakeOutput(wire);
  return luv::OkStatus();
}

void TlsFilter::TakeOutput(std::string* wire) { session_->TakeOutput(wire); }

}  // namespace luv::tls
