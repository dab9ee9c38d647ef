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

// TlsFilter: a tls::Session as the filter of a luv stream
// (uv/stream_filter.h), so that a TCP socket or a pipe speaks TLS with the
// stream's own buffer, reader queue and write queue. Thread affinity: the
// stream's loop thread. Nothing here raises.
#ifndef LUV_TLS_STREAM_FILTER_H_
#define LUV_TLS_STREAM_FILTER_H_

#include <memory>
#include <string>
#include <string_view>

#include "luv/base/status.h"
#include "luv/tls/session.h"
#include "luv/uv/read_buffer.h"
#include "luv/uv/stream_filter.h"

namespace luv::tls {

class TlsFilter : public uv::StreamFilter {
 public:
  explicit TlsFilter(std::unique_ptr<Session> session) : session_(std::move(session)) {}

  const Session& session() const { return *session_; }

  luv::Status Receive(std::string_view wire, uv::ReadBuffer* plain) override;
  bool peer_closed() const override { return session_->peer_closed(); }
  luv::Status WireEnded() override;
  bool ready() const override { return session_->handshake_done(); }
  luv::Status Send(std::string_view plain, std::string* wire) override;
  bool has_output() const override { return !session_->PendingOutput().empty(); }
  void TakeOutput(std::string* wire) override;
  void Close() override { session_->Close(); }
  const char* failure_code() const override { return "ETLS"; }

 private:
  std::unique_ptr<Session> session_;
};

}  // namespace luv::tls

#endif  // LUV_TLS_STREAM_FILTER_H_
