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

// StreamFilter: a transform between the bytes a program reads and writes on
// a Stream and the bytes on the wire — TLS (luv/tls) is the one there is.
// Once a filter is installed (Stream::SetFilter), the stream's read buffer
// holds decoded bytes, and each write is encoded when it is given to libuv,
// so a write dropped unsent (AbandonWrite) was never encoded. Bytes the
// filter produces by itself (a handshake, alerts, session tickets, its
// closing message) go out before the next write's, in the order they were
// made, which a record protocol needs.
//
// luv/uv knows nothing of what a filter does. Thread affinity: the stream's
// loop thread. Nothing here raises.
#ifndef LUV_UV_STREAM_FILTER_H_
#define LUV_UV_STREAM_FILTER_H_

#include <string>
#include <string_view>

#include "luv/base/status.h"
#include "luv/uv/read_buffer.h"

namespace luv::uv {

class StreamFilter {
 public:
  StreamFilter() = default;
  StreamFilter(const StreamFilter&) = delete;
  StreamFilter& operator=(const StreamFilter&) = delete;
  virtual ~StreamFilter() = default;

  // Wire bytes from the peer (possibly none: a chance to start, as a TLS
  // client sends the first message). Appends what they decode to `plain`.
  // A failure ends reading with it.
  virtual luv::Status Receive(std::string_view wire, ReadBuffer* plain) = 0;
  // The peer ended its side of the protocol cleanly (TLS: close_notify):
  // reading ends with EOF once the decoded bytes are read.
  virtual bool peer_closed() const = 0;
  // The connection ended without that: OK to report a plain EOF, or the
  // failure to report (a TLS handshake cut short).
  virtual luv::Status WireEnded() = 0;
  // Ready for the program's bytes (TLS: the handshake completed).
  virtual bool ready() const = 0;

  // Encodes `plain`, appending the wire bytes to `wire`.
  virtual luv::Status Send(std::string_view plain, std::string* wire) = 0;
  // Bytes the filter made by itself since they were last taken.
  virtual bool has_output() const = 0;
  // Appends them to `wire` and forgets them.
  virtual void TakeOutput(std::string* wire) = 0;
  // The program shuts its side down: the filter's closing message (TLS:
  // close_notify) becomes output.
  virtual void Close() = 0;

  // The code that names the filter's failures in messages ("ETLS").
  virtual const char* failure_code() const = 0;
};

}  // namespace luv::uv

#endif  // LUV_UV_STREAM_FILTER_H_
