// FsCall: one file system call made for a waiting state, and the pushing of
// its results.
//
// The work is a libuv fs request (fs(), finished by FsDone) or a blocking
// job on libuv's thread pool (QueueJob, for what libuv lacks). Either way
// the loop thread records the result and completes the Request
// (lua_request.h, which gives the record its lifetime); Lua runs only when
// the waiter resumes and `Pusher` turns the record into results. A failed
// call pushes `nil, "ENOENT: no such file or directory: <context>",
// "ENOENT"`, its context being the file's path for file methods, else the
// call's paths.
//
// A path call (check -> start -> block):
//   State* self = CheckBlockingState(L, scheduler, "luv.fs.stat()");
//   FsCall* call = NewRequest<FsCall>(L, scheduler, PushStatResult);
//   int box = lua_gettop(L);
//   call->Started(uv_fs_stat(call->loop(), call->fs(), path, FsCall::FsDone));
//   return call->Await(L, self, box, "luv.fs.stat()");
// A file method instead calls SetFile(file, BeginRead, ...) and then
// file->Submit(call, offset): the uv::File decides when it begins.
//
// Thread affinity: the scheduler's thread, except Job functions, which run
// on a thread-pool thread and may touch only the record's plain fields.
#ifndef LUV_LUA_LUA_FS_CALL_H_
#define LUV_LUA_LUA_FS_CALL_H_

#include <uv.h>

#include <cstdint>
#include <lua.hpp>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "luv/lua/lua_request.h"
#include "luv/sched/scheduler.h"
#include "luv/uv/file.h"
#include "luv/uv/fs_request.h"

namespace luv::lua {

class FsCall : public Request, public uv::FileOp {
 public:
  // Pushes a successful call's results; Lua API only, no C++ objects with
  // destructors in its frame (it may raise).
  using Pusher = int (*)(lua_State* L, FsCall* call);
  // Starts a file operation's libuv work at `offset` (uv::FileOp::Begin).
  using Starter = int (*)(FsCall* call, int64_t offset);
  // Runs on a thread-pool thread; returns the result (negative: a libuv
  // error code).
  using Job = int64_t (*)(FsCall* call);

  FsCall(sched::Scheduler* scheduler, Pusher push);
  ~FsCall() override;

  uv_loop_t* loop() const { return scheduler()->loop(); }
  uv_fs_t* fs() { return request_.get(); }
  int64_t result() const { return result_; }

  // The callback for every uv_fs_* request made on fs().
  static void FsDone(uv_fs_t* req);

  // After a uv_fs_* start (or QueueJob): a negative code means nothing
  // started, and the call is finished with that error at once.
  void Started(int code);

  // The call was done at once, on the loop thread, with `result`.
  void CompleteNow(int64_t result);

  // Returns the results of a call that completed at once, after letting the
  // other ready fibers run: a fiber goes to the back of the ready queue
  // (keeping the box at stack index `box`), the main state runs the ready
  // fibers once. So a loop of calls that never wait still shares the thread.
  int YieldResults(lua_State* L, sched::State* self, int box);

  // Runs `job` on the thread pool; returns uv_queue_work's code.
  int QueueJob(Job job);

  // The failure of a finished call, with its context (see above).
  absl::Status status() const;

  // --- File operations -------------------------------------------------------
  // This call works on `file` (held until the record goes); `begin` starts
  // it. With `moves_position`, what it transfers moves the file's position
  // when it was submitted at the position.
  void SetFile(uv::File* file, Starter begin, bool moves_position);
  uv::File* file() const { return file_; }
  // Marks this call as `file`'s closer (see uv::File::Close).
  void SetCloser(uv::File* file, Starter begin);
  // Keeps `other` open until the call ends (sendfile's input).
  void Pin(uv::File* other);

  // --- What calls carry --------------------------------------------------------
  // The buffer a read of file() fills, `size` bytes (from the file's
  // spare, see uv::File::TakeBuffer); false when memory ran out.
  bool AllocateBuffer(size_t size);
  char* buffer() { return buffer_.data.get(); }
  size_t buffer_size() const { return buffer_size_; }
  // Gives the buffer back to the file once its bytes were pushed.
  void FreeBuffer();

  // The string a write writes: `data` belongs to the Lua string that the
  // registry reference `ref` keeps alive until the results are pushed
  // (taken before the record was made, since taking it may raise).
  void KeepString(int ref, const char* data, size_t size);
  const char* data() const { return data_; }
  size_t data_size() const { return data_size_; }

  // The context of failure messages instead of the request's paths (and
  // the path a job works on). Set before starting.
  void set_context(std::string context) { context_ = std::move(context); }
  const std::string& context() const { return context_; }

  // luv.fs.open: on success the loop thread wraps the descriptor in a
  // uv::File opened with these flags; TakeOpened hands it over (once).
  void ExpectOpen(int flags) { open_flags_ = flags; }
  uv::File* TakeOpened();

  // Plain arguments for starters and jobs.
  int64_t offset = 0;         // an input offset (sendfile)
  int64_t target_offset = 0;  // where a job writes (-1: the kernel's position)
  int64_t length = 0;
  double atime = 0;
  double mtime = 0;
  int mode = 0;
  uv_uid_t uid = 0;
  uv_gid_t gid = 0;
  uv_file in_fd = -1;
  uv_file out_fd = -1;

  // Request
  int PushResults(lua_State* L) override;

 protected:
  // uv::FileOp
  int Begin(int64_t offset) override;
  void Abort(int code) override;

 private:
  // The work ended (or never started): records and wakes the waiter.
  void Finish(bool began_on_file);

  // The two halves of a job: on a thread-pool thread, then on the loop's.
  static void JobRun(uv_work_t* work);
  static void JobDone(uv_work_t* work, int status);

  uv::FsRequest request_{this};
  uv_work_t work_;
  Job job_ = nullptr;
  const Pusher push_;
  int64_t result_ = 0;

  uv::File* file_ = nullptr;    // a reference
  uv::File* pinned_ = nullptr;  // pinned until the call ends
  Starter begin_ = nullptr;
  bool moves_position_ = false;
  bool closer_ = false;
  bool began_ = false;

  uv::File::Buffer buffer_;
  size_t buffer_size_ = 0;
  const char* data_ = nullptr;
  size_t data_size_ = 0;
  int data_ref_ = LUA_NOREF;

  std::string context_;
  int open_flags_ = -1;
  uv::File* opened_ = nullptr;
};

// Pushers shared by the fs bindings.
int PushTrueResult(lua_State* L, FsCall* call);
// The result as an integer (a byte count).
int PushIntegerResult(lua_State* L, FsCall* call);
// The stat table of a stat, lstat or fstat request.
int PushStatResult(lua_State* L, FsCall* call);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_FS_CALL_H_
