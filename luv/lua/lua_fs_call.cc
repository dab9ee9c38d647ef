// FsCall: the record of one fs call, its completion on the loop thread, and
// the pushers shared by luv.fs functions and file methods.
#include "luv/lua/lua_fs_call.h"

#include <sys/stat.h>

#include <utility>

#include "luv/lua/support.h"
#include "luv/uv/fs_stat.h"
#include "luv/uv/status.h"

namespace luv::lua {
namespace {

void SetNumber(lua_State* L, const char* key, lua_Number value) {
  lua_pushnumber(L, value);
  lua_setfield(L, -2, key);
}

void SetBoolean(lua_State* L, const char* key, bool value) {
  lua_pushboolean(L, value);
  lua_setfield(L, -2, key);
}

void SetString(lua_State* L, const char* key, const char* value) {
  lua_pushstring(L, value);
  lua_setfield(L, -2, key);
}

// The PushFn of a call that completed at once (YieldResults).
int PushCallResults(lua_State* L, void* call) {
  return static_cast<FsCall*>(call)->PushResults(L);
}

}  // namespace

FsCall::FsCall(sched::Scheduler* scheduler, Pusher push)
    : Request(scheduler), push_(push) {
  work_.data = this;
}

FsCall::~FsCall() {
  // Only finished calls are deleted: the work no longer uses anything here.
  FreeBuffer();
  if (opened_ != nullptr) opened_->Release();
  if (pinned_ != nullptr) pinned_->Unpin();
  if (file_ != nullptr) file_->Unref();
}

void FsCall::FsDone(uv_fs_t* req) {
  auto* call = static_cast<FsCall*>(uv::FsRequest::owner(req));
  call->result_ = call->request_.result();
  call->Finish(call->began_);
}

void FsCall::Started(int code) {
  if (code >= 0) return;
  result_ = code;
  request_.get()->result = code;
  Finish(false);
}

void FsCall::CompleteNow(int64_t result) {
  result_ = result;
  Complete();
}

int FsCall::YieldResults(lua_State* L, sched::State* self, int box) {
  if (self->is_fiber()) {
    scheduler()->YieldCurrentWithResults(PushCallResults, this);
    lua_pushvalue(L, box);
    return lua_yield(L, 1);
  }
  scheduler()->RunOnce(L);
  return PushResults(L);
}

int FsCall::QueueJob(Job job) {
  job_ = job;
  return uv_queue_work(loop(), &work_, JobRun, JobDone);
}

void FsCall::JobRun(uv_work_t* work) {
  auto* call = static_cast<FsCall*>(work->data);
  call->result_ = call->job_(call);
}

void FsCall::JobDone(uv_work_t* work, int status) {
  auto* call = static_cast<FsCall*>(work->data);
  if (status < 0) call->result_ = status;  // UV_ECANCELED
  call->Finish(call->began_);
}

absl::Status FsCall::status() const {
  if (result_ >= 0) return absl::OkStatus();
  if (!context_.empty()) return uv::UvStatus(static_cast<int>(result_), context_);
  if (file_ != nullptr) return uv::UvStatus(static_cast<int>(result_), file_->path());
  return request_.status();
}

void FsCall::SetFile(uv::File* file, Starter begin, bool moves_position) {
  file->Ref();
  file_ = file;
  begin_ = begin;
  moves_position_ = moves_position;
}

void FsCall::SetCloser(uv::File* file, Starter begin) {
  SetFile(file, begin, false);
  closer_ = true;
}

void FsCall::Pin(uv::File* other) {
  other->Pin();
  pinned_ = other;
}

bool FsCall::AllocateBuffer(size_t size) {
  buffer_ = file_->TakeBuffer(size);
  buffer_size_ = buffer_.data != nullptr ? size : 0;
  return buffer_.data != nullptr;
}

void FsCall::FreeBuffer() {
  if (buffer_.data != nullptr) file_->GiveBack(std::move(buffer_));
  buffer_size_ = 0;
}

void FsCall::KeepString(int ref, const char* data, size_t size) {
  data_ref_ = ref;
  data_ = data;
  data_size_ = size;
}

uv::File* FsCall::TakeOpened() { return std::exchange(opened_, nullptr); }

int FsCall::Begin(int64_t offset) {
  began_ = true;
  int code = begin_(this, offset);
  if (code < 0) began_ = false;
  return code;
}

void FsCall::Abort(int code) {
  result_ = code;
  Finish(false);
}

void FsCall::Finish(bool began_on_file) {
  if (open_flags_ >= 0 && result_ >= 0) {
    const char* path = request_.get()->path;
    opened_ = new uv::File(loop(), static_cast<uv_file>(result_), open_flags_,
                           path != nullptr ? path : "");
  }
  if (pinned_ != nullptr) std::exchange(pinned_, nullptr)->Unpin();
  if (began_on_file && !closer_) {
    file_->End(this, moves_position_ && result_ > 0 ? result_ : 0);
  }
  Complete();  // may delete this record
}

int FsCall::PushResults(lua_State* L) {
  if (data_ref_ != LUA_NOREF) {
    luaL_unref(L, LUA_REGISTRYINDEX, data_ref_);
    data_ref_ = LUA_NOREF;
    data_ = nullptr;
  }
  if (result_ < 0) {
    int pushed = PushFailure(L, status());
    return pushed >= 0 ? pushed : lua_error(L);
  }
  return push_(L, this);
}

int PushTrueResult(lua_State* L, FsCall*) {
  lua_pushboolean(L, 1);
  return 1;
}

int PushIntegerResult(lua_State* L, FsCall* call) {
  lua_pushnumber(L, static_cast<lua_Number>(call->result()));
  return 1;
}

int PushStatResult(lua_State* L, FsCall* call) {
  const uv_stat_t& st = call->fs()->statbuf;
  lua_createtable(L, 0, 28);
  SetNumber(L, "dev", static_cast<lua_Number>(st.st_dev));
  SetNumber(L, "ino", static_cast<lua_Number>(st.st_ino));
  SetNumber(L, "mode", static_cast<lua_Number>(st.st_mode));
  SetNumber(L, "nlink", static_cast<lua_Number>(st.st_nlink));
  SetNumber(L, "uid", static_cast<lua_Number>(st.st_uid));
  SetNumber(L, "gid", static_cast<lua_Number>(st.st_gid));
  SetNumber(L, "rdev", static_cast<lua_Number>(st.st_rdev));
  SetNumber(L, "size", static_cast<lua_Number>(st.st_size));
  SetNumber(L, "blksize", static_cast<lua_Number>(st.st_blksize));
  SetNumber(L, "blocks", static_cast<lua_Number>(st.st_blocks));
  SetNumber(L, "flags", static_cast<lua_Number>(st.st_flags));
  SetNumber(L, "gen", static_cast<lua_Number>(st.st_gen));
  SetNumber(L, "atime", uv::Seconds(st.st_atim));
  SetNumber(L, "mtime", uv::Seconds(st.st_mtim));
  SetNumber(L, "ctime", uv::Seconds(st.st_ctim));
  SetNumber(L, "birthtime", uv::Seconds(st.st_birthtim));
  SetString(L, "type", uv::FileTypeName(st.st_mode));
  SetString(L, "perm", uv::PermissionString(st.st_mode).data());
  uint64_t type = st.st_mode & S_IFMT;
  SetBoolean(L, "is_file", type == S_IFREG);
  SetBoolean(L, "is_directory", type == S_IFDIR);
  SetBoolean(L, "is_symbolic_link", type == S_IFLNK);
  SetBoolean(L, "is_fifo", type == S_IFIFO);
  SetBoolean(L, "is_socket", type == S_IFSOCK);
  SetBoolean(L, "is_character_device", type == S_IFCHR);
  SetBoolean(L, "is_block_device", type == S_IFBLK);
  return 1;
}

}  // namespace luv::lua
