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

#include "luv/uv/fs_op.h"

#include <utility>

#include "luv/uv/status.h"

namespace luv::uv {

FsOp::FsOp() { work_.data = this; }

FsOp::~FsOp() {
  // Only an operation that ended (or never started) is destroyed: its
  // request, job and pin are over.
  if (pinned_ != nullptr) std::exchange(pinned_, nullptr)->Unpin();
  if (file_ != nullptr) file_->Unref();
}

luv::Status FsOp::status() const {
  if (result_ >= 0) return luv::OkStatus();
  int code = static_cast<int>(result_);
  if (!context_.empty()) return UvStatus(code, context_);
  if (file_ != nullptr) return UvStatus(code, file_->path());
  return UvStatus(code, request_.paths());
}

void FsOp::Callback(uv_fs_t* req) {
  auto* op = static_cast<FsOp*>(FsRequest::owner(req));
  op->result_ = req->result;
  op->Finish();
}

void FsOp::Started(int code) {
  if (code < 0) EndNow(code);
}

void FsOp::EndNow(int64_t result) {
  result_ = result;
  Finish();
}

int FsOp::QueueJob(uv_loop_t* loop, Job job) {
  job_ = job;
  return uv_queue_work(loop, &work_, JobRun, JobDone);
}

void FsOp::JobRun(uv_work_t* work) {
  auto* op = static_cast<FsOp*>(work->data);
  op->result_ = op->job_(op);
}

void FsOp::JobDone(uv_work_t* work, int status) {
  auto* op = static_cast<FsOp*>(work->data);
  if (status < 0) op->result_ = status;  // UV_ECANCELED: the job never ran
  op->Finish();
}

void FsOp::UseFile(File* file) {
  file->Ref();
  file_ = file;
}

void FsOp::Pin(File* other) {
  other->Pin();
  pinned_ = other;
}

void FsOp::Submit(int64_t offset, bool moves_position) {
  moves_position_ = moves_position;
  queued_ = true;  // until it ends, or Abort says it never began
  file_->Submit(this, offset);
}

void FsOp::SubmitClose() { file_->Close(this); }

int FsOp::Begin(int64_t) { return UV_EINVAL; }

void FsOp::Abort(int code) {
  queued_ = false;  // the File let go of it: no File::End
  EndNow(code);
}

void FsOp::Finish() {
  if (pinned_ != nullptr) std::exchange(pinned_, nullptr)->Unpin();
  if (queued_) {
    queued_ = false;
    file_->End(this, moves_position_ && result_ > 0 ? result_ : 0);
  }
  OnResult();
  OnDone();  // may delete this
}

}  // namespace luv::uv
