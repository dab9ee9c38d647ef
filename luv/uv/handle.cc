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

}  // namespace luv::uv
