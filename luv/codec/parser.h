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

// The one grammar of a blob's body, shared by the two decoding passes: the
// validator (plain C++, no Lua) and the builder (Lua pushes, in protected
// mode). Both run every bounds check, so the builder never trusts what the
// validator saw. A Sink receives one callback per event and returns false to
// stop (the validator, after Reader::Fail) or raises (the builder).
//
// Parser is trivially destructible and allocates nothing, so it may live in
// frames a Lua error jumps over.
#ifndef LUV_CODEC_PARSER_H_
#define LUV_CODEC_PARSER_H_

#include <cmath>
#include <cstdint>
#include <cstring>

#include "luv/codec/format.h"
#include "luv/codec/vm.h"

namespace luv::codec {

// What a value statically is, for the key and nil checks (rule 7).
enum class Shape : uint8_t { kNil, kNaN, kOther };

// Sink interface (duck-typed):
//   bool Nil(); bool Boolean(bool); bool Integer(int64_t); bool Number(double);
//   bool String(p, n);
//   bool NewObject(uint32_t id);                      every id, in order
//   bool TableBegin(id, narray, nhash);  bool ArrayItem(uint64_t i);
//   bool HashKey();  (after each hash key, before its value)
//   bool HashPair(size_t at);            bool TableEnd();
//   bool FunctionBegin(id, p, n, nups, at);
//   bool Upvalue(uint64_t i, size_t at);  (its value was the last event)
//   bool Globals();                      (an upvalue's value: the globals)
//   bool SharedUpvalue(i, function id, j, at);  (upvalue i is j's of id)
//   bool FunctionEnd();
//   bool HookBegin(id);                  bool HookFnEnd(id, at);
//   bool HookNameEnd(id, name, n, at);
//   bool Ref(uint32_t id, size_t at);
//   bool LuvPath(id, p, n, at);          bool Identity(id, name, n, token, at);
// (`token`: kTokenSize bytes.)
template <typename Sink>
class Parser {
 public:
  // `code_allowed`: the header has kFlagCode (and the MAC was accepted).
  // `live_allowed`: the header has kFlagLive (and the MAC verified).
  // `vm`: the VM whose bytecode functions must carry.
  Parser(Reader* reader, Sink* sink, int max_depth, bool code_allowed, bool live_allowed,
         Vm vm)
      : r_(reader),
        sink_(sink),
        max_depth_(max_depth),
        code_allowed_(code_allowed),
        live_allowed_(live_allowed),
        vm_(vm) {}

  uint32_t objects() const { return objects_; }

  // Parses one value at nesting `depth` (the tuple's values are at 1).
  bool Value(int depth, Shape* shape = nullptr) {
    Shape ignored;
    Shape& s = shape != nullptr ? *shape : ignored;
    s = Shape::kOther;
    size_t at = r_->offset();
    uint8_t tag;
    if (!r_->Byte(&tag, "value tag")) return false;
    if (tag >= kTagSmallInt) return sink_->Integer(tag - kTagSmallInt);
    if (tag >= kTagShortString) {
      const uint8_t* p;
      size_t n = tag - kTagShortString;
      if (n > kShortStringMax) return r_->Fail("unknown tag 0x%02x at byte %zu", tag, at);
      return r_->Bytes(n, &p, "string", at) && sink_->String(p, n);
    }
    switch (tag) {
      case kTagNil:
        s = Shape::kNil;
        return sink_->Nil();
      case kTagFalse:
        return sink_->Boolean(false);
      case kTagTrue:
        return sink_->Boolean(true);
      case kTagInt: {
        uint64_t v;
        if (!r_->Varint(&v, "integer")) return false;
        return sink_->Integer(UnZigZag(v));
      }
      case kTagDouble: {
        uint64_t bits;
        if (!r_->Fixed64(&bits, "double")) return false;
        double d;
        std::memcpy(&d, &bits, sizeof d);
        if (std::isnan(d)) s = Shape::kNaN;
        return sink_->Number(d);
      }
      case kTagString: {
        uint64_t n;
        const uint8_t* p;
        return r_->Varint(&n, "string length") && r_->Bytes(n, &p, "string", at) &&
               sink_->String(p, n);
      }
      case kTagTable:
        return Table(depth, at);
      case kTagRef: {
        uint64_t id;
        if (!r_->Varint(&id, "reference")) return false;
        if (id >= objects_) {
          return r_->Fail(
              "reference to object %llu out of range (%u objects so far) at byte %zu",
              static_cast<unsigned long long>(id), objects_, at);
        }
        return sink_->Ref(static_cast<uint32_t>(id), at);
      }
      case kTagFunction:
        return Function(depth, at);
      case kTagHookFn:
      case kTagHookName:
        return Hook(tag, depth, at);
      case kTagLuvPath: {
        uint32_t id;
        const uint8_t* p;
        size_t n;
        return RequireLive("luv object", at) && NewObject(&id, at) &&
               Name(&p, &n, "luv path", at) && sink_->LuvPath(id, p, n, at);
      }
      case kTagIdentity: {
        uint32_t id;
        const uint8_t* p;
        size_t n;
        const uint8_t* token;
        return RequireLive("live object", at) && NewObject(&id, at) &&
               Name(&p, &n, "identity type", at) &&
               r_->Bytes(kTokenSize, &token, "identity token", at) &&
               sink_->Identity(id, p, n, token, at);
      }
      default:
        return r_->Fail("unknown tag 0x%02x at byte %zu", tag, at);
    }
  }

 private:
  bool Enter(int depth, size_t at) {
    if (depth > max_depth_) {
      return r_->Fail("nesting deeper than %d at byte %zu", max_depth_, at);
    }
    return true;
  }

  bool NewObject(uint32_t* id, size_t at) {
    if (objects_ == UINT32_MAX) return r_->Fail("too many objects at byte %zu", at);
    *id = objects_++;
    return sink_->NewObject(*id);
  }

  bool RequireCode(const char* what, size_t at) {
    if (code_allowed_) return true;
    return r_->Fail("%s in a blob without the code flag at byte %zu", what, at);
  }

  // Live objects exist only in this process: only a blob whose MAC
  // verified (made here) may name one.
  bool RequireLive(const char* what, size_t at) {
    if (live_allowed_) return true;
    return r_->Fail(
        "%s in a blob without the live-object flag (only blobs made by this process "
        "may name them) at byte %zu",
        what, at);
  }

  bool Name(const uint8_t** p, size_t* n, const char* what, size_t at) {
    uint64_t size;
    if (!r_->Varint(&size, what)) return false;
    if (size > kMaxNameLength) {
      return r_->Fail("%s of %llu bytes is longer than %zu at byte %zu", what,
                      static_cast<unsigned long long>(size), kMaxNameLength, at);
    }
    *n = static_cast<size_t>(size);
    return r_->Bytes(size, p, what, at);
  }

  bool Table(int depth, size_t at) {
    uint32_t id;
    uint64_t narray, nhash;
    if (!Enter(depth, at) || !NewObject(&id, at)) return false;
    if (!r_->Varint(&narray, "array size") || !r_->Varint(&nhash, "hash size"))
      return false;
    // Each element takes at least one byte, each pair two: counts the rest of
    // the blob cannot hold fail here, before anything is allocated (rule 3).
    if (narray > r_->left()) {
      return r_->Fail(
          "table claims %llu array elements but only %zu bytes remain at byte %zu",
          static_cast<unsigned long long>(narray), r_->left(), at);
    }
    if (nhash > (r_->left() - narray) / 2) {
      return r_->Fail(
          "table claims %llu hash entries but only %zu bytes remain at byte %zu",
          static_cast<unsigned long long>(nhash), r_->left(), at);
    }
    if (!sink_->TableBegin(id, narray, nhash)) return false;
    for (uint64_t i = 1; i <= narray; ++i) {
      size_t item_at = r_->offset();
      Shape shape;
      if (!Value(depth + 1, &shape)) return false;
      if (shape == Shape::kNil)
        return r_->Fail("nil in a table's array part at byte %zu", item_at);
      if (!sink_->ArrayItem(i)) return false;
    }
    for (uint64_t i = 0; i < nhash; ++i) {
      size_t key_at = r_->offset();
      Shape shape;
      if (!Value(depth + 1, &shape)) return false;
      if (shape == Shape::kNil) return r_->Fail("nil table key at byte %zu", key_at);
      if (shape == Shape::kNaN) return r_->Fail("NaN table key at byte %zu", key_at);
      if (!sink_->HashKey()) return false;
      size_t value_at = r_->offset();
      if (!Value(depth + 1, &shape)) return false;
      if (shape == Shape::kNil) return r_->Fail("nil table value at byte %zu", value_at);
      if (!sink_->HashPair(key_at)) return false;
    }
    return sink_->TableEnd();
  }

  bool Function(int depth, size_t at) {
    uint32_t id;
    uint64_t size, nups;
    const uint8_t* code;
    if (!Enter(depth, at) || !RequireCode("function", at) || !NewObject(&id, at))
      return false;
    if (!r_->Varint(&size, "bytecode length") ||
        !r_->Bytes(size, &code, "function bytecode", at)) {
      return false;
    }
    if (vm_ == Vm::kUnknown) {
      return r_->Fail("function in a blob without a bytecode flag at byte %zu", at);
    }
    Vm vm = VmOfBytecode(code, size);
    if (vm != vm_) {
      return r_->Fail("function bytecode is not %s bytecode at byte %zu", VmName(vm_),
                      at);
    }
    if (!r_->Varint(&nups, "upvalue count")) return false;
    if (nups > kMaxUpvalues) {
      return r_->Fail("function claims %llu upvalues (at most %llu) at byte %zu",
                      static_cast<unsigned long long>(nups),
                      static_cast<unsigned long long>(kMaxUpvalues), at);
    }
    if (!sink_->FunctionBegin(id, code, size, nups, at)) return false;
    for (uint64_t i = 1; i <= nups; ++i) {
      if (!FunctionUpvalue(i, depth)) return false;
    }
    return sink_->FunctionEnd();
  }

  // Upvalue `i` of the function being parsed: the globals, an upvalue
  // shared with an earlier function, or a value.
  bool FunctionUpvalue(uint64_t i, int depth) {
    size_t at = r_->offset();
    uint8_t next = r_->left() != 0 ? *r_->position() : kTagNil;
    if (next == kTagGlobals) {
      uint8_t tag;
      return r_->Byte(&tag, "value tag") && sink_->Globals() && sink_->Upvalue(i, at);
    }
    if (next != kTagSharedUpvalue) return Value(depth + 1) && sink_->Upvalue(i, at);
    uint8_t tag;
    uint64_t id, j;
    if (!r_->Byte(&tag, "value tag") || !r_->Varint(&id, "shared upvalue's function") ||
        !r_->Varint(&j, "shared upvalue's number")) {
      return false;
    }
    if (vm_ == Vm::kLua51 || vm_ == Vm::kLuaJit) {
      return r_->Fail("shared upvalue in %s bytecode (only 5.2+ share) at byte %zu",
                      VmName(vm_), at);
    }
    if (id >= objects_ || j == 0 || j > kMaxUpvalues) {
      return r_->Fail("shared upvalue %llu of object %llu out of range at byte %zu",
                      static_cast<unsigned long long>(j),
                      static_cast<unsigned long long>(id), at);
    }
    return sink_->SharedUpvalue(i, static_cast<uint32_t>(id), j, at);
  }

  bool Hook(uint8_t tag, int depth, size_t at) {
    uint32_t id;
    if (!Enter(depth, at) || !RequireCode("__codec hook", at)) return false;
    // The hooked object's id comes first, before its constructor and state
    // are read (rule 6); it stays unfinished until the constructor ran.
    if (!NewObject(&id, at) || !sink_->HookBegin(id)) return false;
    if (tag == kTagHookFn) {
      uint8_t next = r_->left() != 0 ? *r_->position() : kTagFunction;
      if (next != kTagFunction && next != kTagRef && next != kTagLuvPath) {
        return r_->Fail("__codec constructor is not a function at byte %zu",
                        r_->offset());
      }
      return Value(depth + 1) && Value(depth + 1) && sink_->HookFnEnd(id, at);
    }
    const uint8_t* name;
    size_t n;
    return Name(&name, &n, "hook name", at) && Value(depth + 1) &&
           sink_->HookNameEnd(id, name, n, at);
  }

  Reader* r_;
  Sink* sink_;
  int max_depth_;
  bool code_allowed_;
  bool live_allowed_;
  Vm vm_;
  uint32_t objects_ = 0;
};

}  // namespace luv::codec

#endif  // LUV_CODEC_PARSER_H_
