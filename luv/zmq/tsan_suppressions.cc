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
