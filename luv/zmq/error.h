// Status values for libzmq results: the one place where a ØMQ error number
// becomes an luv::Status.
//
// Messages have the shape luv uses everywhere (luv/uv/status.h): the error's
// name, libzmq's text, then the context, e.g.
//   "EADDRINUSE: Address already in use: tcp://127.0.0.1:5555"
// so the Lua layer returns `nil, message, "EADDRINUSE"` with
// uv::ErrorName(). ØMQ's own errors (EFSM, ETERM, ENOCOMPATPROTO, EMTHREAD)
// are named like errno's. Pure functions; any thread.
#ifndef LUV_ZMQ_ERROR_H_
#define LUV_ZMQ_ERROR_H_

#include "luv/base/status.h"
#include <string_view>

namespace luv::zmq {

// The Status for ØMQ error number `error` (an errno value or one of ØMQ's
// own); a non-empty `context` (an endpoint, an option name) is appended.
luv::Status ZmqStatus(int error, std::string_view context = {});

// ZmqStatus(zmq_errno(), context): the error of the calling thread's last
// failed libzmq call.
luv::Status LastZmqError(std::string_view context = {});

// The name of ØMQ error number `error` ("EFSM", "EAGAIN"), or "EUNKNOWN".
std::string_view ZmqErrorName(int error);

}  // namespace luv::zmq

#endif  // LUV_ZMQ_ERROR_H_
