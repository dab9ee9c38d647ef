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

#include "luv/uv/handle.h"

namespace luv::uv {

void HandleOwner::Attach(uv_handle_t* handle) {
  handle_ = handle;
  handle_->data = this;
}

void HandleOwner::Close() {
  if (closing_) return;
  closing_ = true;
  OnClose();
  if (handle_ == nullptr) {
    closed_ = true;
    OnClosed();
    return;
  }
  uv_close(handle_, ClosedCallback);
}

void HandleOwner::Release() {
  released_ = true;
  Close();
  DeleteIfDone();
}

void HandleOwner::ReleaseKeepingOpen() {
  released_ = true;
  DeleteIfDone();
}

void HandleOwner::ClosedCallback(uv_handle_t* handle) {
  HandleOwner* owner = FromHandle(handle);
  owner->closed_ = true;
  owner->OnClosed();
  owner->DeleteIfDone();
}

void HandleOwner::DeleteIfDone() {
  if (closed_ && released_) delete this;
}

void ForEachOpenHandle(uv_loop_t* loop, void (*visit)(const char* type, void* context),
                       void* context) {
  struct Walk {
    void (*visit)(const char*, void*);
    void* context;
  } walk{visit, context};
  uv_walk(
      loop,
      [](uv_handle_t* handle, void* arg) {
        HandleOwner* owner = HandleOwner::FromHandle(handle);
        if (uv_is_closing(handle) || owner == nullptr || owner->internal() ||
            owner->closing()) {
          return;
        }
        auto* walk = static_cast<Walk*>(arg);
        walk->visit(uv_handle_type_name(uv_handle_get_type(handle)), walk->context);
      },
      &walk);
}

}  // namespace luv::uv
