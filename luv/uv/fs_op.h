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

// FsOp: the base of every file system operation (fs_path_ops.h,
// file_ops.h): the libuv request it runs, or the thread-pool job for work
// libuv has no request for; its result and the status that names what
// failed; and its place on a uv::File (a reference, a pin, a turn in the
// file's queue of operations at the position).
//
// A derived operation has start functions (each makes one libuv request or
// queues one job) and typed results (a stat, directory entries, a path, a
// File). The owner derives once more and implements OnDone, which runs
// exactly once per start: from libuv's callback, or from within the start
// function itself when nothing could start or the work was done at once.
// Either way the result is recorded first. An operation is started once.
//
// Lifetime: the owner owns the operation and must keep it alive while it
// runs, that is until OnDone; OnDone may delete it. Files it uses are
// referenced until it is destroyed (pins end with the operation).
//
// Thread affinity: the loop's thread. Jobs run on a thread-pool thread and
// touch only the operation's own plain fields. Nothing here blocks, throws
// or raises.
#ifndef LUV_UV_FS_OP_H_
#define LUV_UV_FS_OP_H_

#include <uv.h>

#include <cstdint>
#include <string>
#include <utility>

#include "luv/base/status.h"
#include "luv/uv/file.h"
#include "luv/uv/fs_request.h"

namespace luv::uv {

class FsOp : public FileOp {
 public:
  FsOp(const FsOp&) = delete;
  FsOp& operator=(const FsOp&) = delete;
  virtual ~FsOp();

  // Once ended: >= 0 on success (a descriptor, a byte count, a number of
  // entries, 0), or a negative libuv error code.
  int64_t result() const { return result_; }
  bool ok() const { return result_ >= 0; }

  // OK, or the failure with what failed: "ENOENT: no such file or
  // directory: <context>". The context is the one set with set_context, else
  // the path of the file the operation works on, else the paths of its
  // request ("old -> new" for two).
  luv::Status status() const;

  // The file the operation works on (UseFile), or null.
  File* file() const { return file_; }

  // What failures name instead of the file or the request's paths; empty
  // unless set (set_context). A job's path lives here too, since the pool
  // thread needs a copy of its own.
  const std::string& context() const { return context_; }

 protected:
  FsOp();

  // The operation ended, its result (and the derived op's typed result) is
  // recorded. See the top of the file. May delete this.
  virtual void OnDone() = 0;

  // A derived op's hook, called just before OnDone: turns the result into
  // its typed result (the default does nothing).
  virtual void OnResult() {}

  // --- For the derived ops' starts ---------------------------------------

  uv_fs_t* req() { return request_.get(); }
  const uv_fs_t* req() const { return request_.get(); }

  // The callback of every uv_fs_* request made on req().
  static void Callback(uv_fs_t* req);

  // Takes what a uv_fs_* call (or QueueJob) returned: a negative code means
  // nothing started, and the operation ends at once with that code.
  void Started(int code);

  // Ends the operation at once with `result`: the work was done on the
  // calling thread, or could not be attempted.
  void EndNow(int64_t result);

  // Work for the thread pool: returns the result (negative: a libuv code).
  // Runs on a pool thread; it may block.
  using Job = int64_t (*)(FsOp* op);

  // Runs `job` on the thread pool of `loop`; the operation ends with its
  // result (UV_ECANCELED if the pool dropped it). Returns uv_queue_work's
  // code: pass it to Started, or return it from Begin.
  int QueueJob(uv_loop_t* loop, Job job);

  // The operation works on `file`, which it references until destroyed;
  // failures name the file's path. Call before submitting or pinning.
  void UseFile(File* file);

  // Keeps `other` open while the operation runs (File::Pin), for a request
  // on it made at once rather than through its queue. Ends with the
  // operation. At most one.
  void Pin(File* other);

  // Submits the operation to file()'s queue at `offset` or at
  // File::kAtPosition (File::Submit); the caller checked that the file is
  // not closed. The File calls Begin with the offset to start at: the
  // derived op's request starts there. With `moves_position`, the bytes the
  // operation transferred move the file's position.
  void Submit(int64_t offset, bool moves_position);

  // Makes the operation file()'s closer (File::Close): Begin(0) starts the
  // close once every operation submitted before it has ended.
  void SubmitClose();

  // FileOp. Operations that Submit or SubmitClose override it to start
  // their request; the default refuses (UV_EINVAL).
  int Begin(int64_t offset) override;

  // Names failures with `context` (see status() and context()).
  void set_context(std::string context) { context_ = std::move(context); }

 private:
  // FileOp: the File could not begin the operation.
  void Abort(int code) final;

  // Records the end: lets go of the file's pin and queue turn, then the
  // hooks. May delete this (through OnDone).
  void Finish();

  static void JobRun(uv_work_t* work);
  static void JobDone(uv_work_t* work, int status);

  FsRequest request_{this};
  uv_work_t work_;
  Job job_ = nullptr;
  int64_t result_ = 0;

  File* file_ = nullptr;    // referenced
  File* pinned_ = nullptr;  // pinned until the operation ends
  bool queued_ = false;     // on file_'s queue: ends with File::End
  bool moves_position_ = false;

  std::string context_;
};

}  // namespace luv::uv

#endif  // LUV_UV_FS_OP_H_
