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

// HandleOwner: the heap record around one libuv handle, and its lifetime.
//
// A libuv handle must stay in memory until its close callback has run, while
// its owner (usually a Lua userdata) may be collected at any time. A record
// derived from HandleOwner embeds the handle and is deleted when both have
// happened: the owner called Release() and libuv reported the close. Close()
// may come first (an explicit close), or Release() may (garbage collection),
// in either order and any number of times.
//
// Thread affinity: the loop's thread only. Nothing here blocks or raises.
#ifndef LUV_UV_HANDLE_H_
#define LUV_UV_HANDLE_H_

#include <uv.h>

namespace luv::uv {

class HandleOwner {
 public:
  HandleOwner(const HandleOwner&) = delete;
  HandleOwner& operator=(const HandleOwner&) = delete;

  // Starts closing the handle (once). OnClosed() runs from the close callback.
  void Close();

  // The owner lets go: closes the handle if needed; the record is deleted
  // once libuv has closed it. The caller must not use the record afterwards.
  void Release();

  // The owner lets go, but the handle stays open: the record still has
  // work to finish (a child process to reap) and closes itself when done,
  // or the loop's Shutdown closes it. Deleted once closed. The caller must
  // not use the record afterwards.
  void ReleaseKeepingOpen();

  // True once Close() or Release() was called (or the handle never opened).
  bool closing() const { return closing_; }

  // luv's own handles (the scheduler's alarm, mailboxes, the standard
  // streams) are internal: not among the handles a program opened.
  void MarkInternal() { internal_ = true; }
  bool internal() const { return internal_; }

  // The HandleOwner behind a handle that was attached with Attach(). Every
  // handle luv creates has one.
  static HandleOwner* FromHandle(uv_handle_t* handle) {
    return static_cast<HandleOwner*>(handle->data);
  }

 protected:
  HandleOwner() = default;
  virtual ~HandleOwner() = default;

  // Derived constructors call this once uv_<type>_init succeeded. A record
  // that never attaches counts as closed.
  void Attach(uv_handle_t* handle);

  // Called when closing starts, before uv_close (or at once for a handle
  // that never opened).
  virtual void OnClose() {}

  // Called from the close callback, before the record may be deleted.
  virtual void OnClosed() {}

 private:
  static void ClosedCallback(uv_handle_t* handle);
  void DeleteIfDone();

  uv_handle_t* handle_ = nullptr;
  bool closing_ = false;
  bool internal_ = false;
  bool closed_ = false;
  bool released_ = false;
};

// Calls `visit(type, context)` ("timer", "tcp", ...) for each handle of
// `loop` that a program opened and has not closed (not internal, not
// closing). For finding leaks.
void ForEachOpenHandle(uv_loop_t* loop, void (*visit)(const char* type, void* context),
                       void* context);

}  // namespace luv::uv

#endif  // LUV_UV_HANDLE_H_
