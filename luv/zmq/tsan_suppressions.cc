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

// ThreadSanitizer's default suppressions for programs that link luv/zmq.
//
// libzmq is not instrumented: its threads hand objects to each other through
// lock-free queues whose atomics ThreadSanitizer cannot see, so it reports
// the allocator and string calls around them (made from libzmq's frames) as
// races. Those reports say nothing about luv's own code, whose accesses are
// all instrumented; reports with no libzmq frame are kept.
//
// The sanitizer runtime calls this hook (a weak symbol there) once at start.
#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
extern "C" const char* __tsan_default_suppressions() { return "race:libzmq.so\n"; }
#endif
#endif
