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

// PolledSocket: a ØMQ socket in a libuv loop, watched through ZMQ_FD with a
// uv_poll_t, so that a state can wait for it without blocking the thread.
//
// ZMQ_FD is edge-triggered: it becomes readable when commands reach the
// socket, and only reading ZMQ_EVENTS (or a send or receive, which process
// commands too) rearms it. So:
//   - the poll callback calls Check(), which reads ZMQ_EVENTS and reports
//     the directions that can proceed to OnEvents();
//   - the owner calls Check() itself after every send or receive while
//     anyone waits on the socket, since that operation may have consumed the
//     wake-up (a message that arrived while sending, say);
//   - a wait begins only after an operation failed with "would block".
// Reading ZMQ_EVENTS drains the descriptor, so an idle socket costs nothing
// and the loop never spins on it. The poll runs from creation to close;
// SetWaiting() refs it (the loop stays alive) only while someone waits.
//
// Lifetime: a uv::HandleOwner (luv/uv/handle.h). Close() stops polling and
// closes the socket at once; Abandon() (the owner went away without
// closing: garbage collection, a state closing at exit) does the same and
// releases the record; a record closed any other way (Release(), a loop
// shutting down) closes its socket from libuv's close callback. Every way
// keeps the socket's ZMQ_LINGER: what it has queued is still sent, as ØMQ
// defines it, and process exit waits for that (context.h). libuv is done
// with the descriptor first: libzmq's reaper thread closes it on its own
// schedule. The socket's reference to its Context goes with the socket.
//
// Thread affinity: the loop's thread. Nothing blocks or raises; the
// callbacks run from the loop and must not run Lua.
#ifndef LUV_ZMQ_POLLER_H_
#define LUV_ZMQ_POLLER_H_

#include <uv.h>

#include <memory>

#include "luv/base/status.h"
#include "luv/uv/handle.h"
#include "luv/zmq/context.h"
#include "luv/zmq/socket.h"

namespace luv::zmq {

class PolledSocket : public uv::HandleOwner {
 public:
  // OK, or why the socket or its poll could not be made (then it counts as
  // closed, as with any HandleOwner that never attached).
  const luv::Status& init_status() const { return init_status_; }

  // The socket while it is open; an empty view once closing.
  SocketRef socket() const { return closing() ? SocketRef() : socket_.ref(); }

  // Reads ZMQ_EVENTS and calls OnEvents with it, or OnPollError (and stops
  // polling) if the socket failed: ETERM once its context is shut down.
  void Check();

  // Whether states wait on the socket: only then does the poll keep the
  // loop alive.
  void SetWaiting(bool waiting);

  // Whether the poll still runs (false after OnPollError or close).
  bool polling() const { return polling_; }

  // Stops polling and closes the socket now (its lingering messages are
  // still sent). Hides HandleOwner::Close, which would leave the socket to
  // the close callback. Idempotent.
  void Close();

  // The owner lets go without closing: close (keeping the linger), Release().
  void Abandon();

 protected:
  PolledSocket(uv_loop_t* loop, std::shared_ptr<Context> context, int type);

  // ZMQ_POLLIN: a receive would succeed; ZMQ_POLLOUT: a send would.
  virtual void OnEvents(int events) = 0;
  // The socket cannot be polled any more; operations on it will fail.
  virtual void OnPollError(const luv::Status& status) = 0;

  // Stops polling; and closes a socket still open once libuv is done with
  // its descriptor. Derived classes that override them call these.
  void OnClose() override;
  void OnClosed() override;

 private:
  static void OnPoll(uv_poll_t* handle, int status, int events);
  void StopPolling();

  Socket socket_;
  uv_poll_t poll_;
  luv::Status init_status_;
  bool polling_ = false;
  bool waiting_ = false;
};

}  // namespace luv::zmq

#endif  // LUV_ZMQ_POLLER_H_
