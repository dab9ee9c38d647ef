---@meta luv
-- Copyright 2026 The luv Authors
--
-- Licensed under the Apache License, Version 2.0 (the "License");
-- you may not use this file except in compliance with the License.
-- You may obtain a copy of the License at
--
--     http://www.apache.org/licenses/LICENSE-2.0
--
-- Unless required by applicable law or agreed to in writing, software
-- distributed under the License is distributed on an "AS IS" BASIS,
-- WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
-- See the License for the specific language governing permissions and
-- limitations under the License.

-- Annotations of luv's API for lua-language-server (LuaLS): add this
-- directory to `workspace.library` (or `Lua.workspace.library`) and
-- `require("luv")` gets types, completion and hover text. docs/api.md is the
-- reference; these lines only summarize it.
--
-- Conventions, which //luv/lua:annotations_test checks against the
-- module that is loaded (see luv/lua/test/annotations_test.lua):
--
-- * Module functions are written `function luv.<path>(<params>) end` and
--   every other module field `luv.<path> = <value>` (`{}` for a table); each
--   name of `require("luv")` appears exactly so, and nothing else does.
-- * A luv object type is `---@class luv.<type>` (its name is what
--   `getmetatable(obj)` returns), followed by its `---@field` lines and then
--   by `local <var> = {}` when it has methods, which are written
--   `function <var>:<method>(<params>) end`.
-- * Other classes and aliases (`luv.*_options`, result tables) describe
--   tables passed in or returned; they have no `local`.
-- * Calls that can fail return `nil, "ENAME: text", "ENAME"`, annotated as
--   optional results followed by `string? err` and `string? code`. Arguments
--   of the wrong type or value raise instead.
-- * `---@async` marks calls that suspend the calling fiber (or, in the main
--   state, run the scheduler until they complete).

local luv = {}

-- Shared shapes ---------------------------------------------------------------

---A stream: what `read`, `write` and the other stream methods work on.
---@alias luv.stream luv.tcp|luv.pipe|luv.stdio

---An object `luv.select` can wait on.
---@alias luv.selectable luv.timer|luv.idle|luv.fiber|luv.thread|luv.channel|luv.zmq.socket|luv.tcp|luv.pipe|luv.stdio|luv.signal|luv.process

---A socket address, as `getsockname`/`getpeername` return it.
---@class luv.sockaddr
---@field family "inet"|"inet6"
---@field address string printable IPv4 or IPv6 address
---@field port integer

-- Utilities -------------------------------------------------------------------

---`"luv <major>.<minor>.<patch>"`.
---@type string
luv._VERSION = "luv <major>.<minor>.<patch>"

---Nanoseconds since an arbitrary point in the past; monotonic.
---@return integer
function luv.hrtime() end

---Total physical memory in bytes.
---@return integer
function luv.mem_total() end

---Available physical memory in bytes.
---@return integer
function luv.mem_free() end

---One logical CPU, as `luv.cpu_info` lists it.
---@class luv.cpu
---@field model string
---@field speed integer MHz
---@field times luv.cpu_times

---Milliseconds a CPU spent in each mode since boot.
---@class luv.cpu_times
---@field user integer
---@field nice integer
---@field sys integer
---@field idle integer
---@field irq integer

---One entry per logical CPU.
---@return luv.cpu[]? cpus
---@return string? err
---@return string? code
function luv.cpu_info() end

---One address of a network interface.
---@class luv.interface_address
---@field name string interface name
---@field is_internal boolean loopback
---@field family "inet"|"inet6"
---@field address string
---@field netmask string
---@field mac string `"00:11:22:33:44:55"`

---One entry per interface address.
---@return luv.interface_address[]? addresses
---@return string? err
---@return string? code
function luv.interface_addresses() end

---How many threads can run at once: the CPUs this process may run on (>= 1).
---@return integer
function luv.available_parallelism() end

---The system's load averages over 1, 5 and 15 minutes.
---@return number one
---@return number five
---@return number fifteen
function luv.loadavg() end

---Seconds since the machine booted.
---@return number? seconds
---@return string? err
---@return string? code
function luv.uptime() end

-- The process's own facts -----------------------------------------------------

---This process's id.
---@return integer
function luv.pid() end

---The parent process's id (1, or a subreaper's, once the parent exited).
---@return integer
function luv.ppid() end

---The host's name.
---@return string? name
---@return string? err
---@return string? code
function luv.hostname() end

---What `uname(2)` says, as `luv.uname` returns it.
---@class luv.uname_info
---@field sysname string `"Linux"`
---@field release string `"6.1.0-13-amd64"`
---@field version string the kernel build's `"#1 SMP ..."`
---@field machine string `"x86_64"`

---The kernel's name, release, version and the machine.
---@return luv.uname_info? names
---@return string? err
---@return string? code
function luv.uname() end

---The resources this process (all its threads) has used, as `luv.rusage`
---returns them (`getrusage(2)`'s fields without `ru_`).
---@class luv.rusage_info
---@field utime number user CPU time, seconds
---@field stime number system CPU time, seconds
---@field maxrss integer peak resident set, bytes
---@field ixrss integer integral shared memory size (0 on Linux)
---@field idrss integer integral unshared data size (0 on Linux)
---@field isrss integer integral unshared stack size (0 on Linux)
---@field minflt integer page faults served without I/O
---@field majflt integer page faults that needed I/O
---@field nswap integer swaps (0 on Linux)
---@field inblock integer file system blocks read
---@field oublock integer file system blocks written
---@field msgsnd integer IPC messages sent (0 on Linux)
---@field msgrcv integer IPC messages received (0 on Linux)
---@field nsignals integer signals received (0 on Linux)
---@field nvcsw integer voluntary context switches
---@field nivcsw integer involuntary context switches

---The resources this process has used.
---@return luv.rusage_info? usage
---@return string? err
---@return string? code
function luv.rusage() end

---The value of the environment variable `name`, or nil when it is not set.
---Raises for a name that is empty or holds `=` or NUL.
---@param name string
---@return string? value
---@return string? err
---@return string? code
function luv.getenv(name) end

---Sets `name` to `value` for the whole process (every thread, later children).
---Raises for a bad name or a value with NUL.
---@param name string
---@param value string
---@return true? ok
---@return string? err
---@return string? code
function luv.setenv(name, value) end

---Removes `name` from the environment (not set: also true).
---@param name string
---@return true? ok
---@return string? err
---@return string? code
function luv.unsetenv(name) end

---The whole environment.
---@return table<string, string>? env
---@return string? err
---@return string? code
function luv.environ() end

---The user's home directory: HOME, else the password database's entry.
---@return string? path
---@return string? err
---@return string? code
function luv.homedir() end

---The directory for temporary files: TMPDIR (TMP, TEMP, TEMPDIR), else /tmp.
---@return string? path
---@return string? err
---@return string? code
function luv.tmpdir() end

---The process's working directory; the same function as `luv.fs.cwd`.
---@return string? path
---@return string? err
---@return string? code
function luv.cwd() end

---Changes the process's working directory (for every thread); the same
---function as `luv.fs.chdir`.
---@async
---@param path string
---@return true? ok
---@return string? err
---@return string? code
function luv.chdir(path) end

---The types of the handles the program opened on this thread's loop and has
---not closed (`"timer"`, `"tcp"`, ...); luv's own are left out. For leaks.
---@return string[]
function luv.handles() end

---The running fiber, or the thread object when the main state runs.
---@return luv.fiber|luv.thread
function luv.self() end

---Sleeps for `seconds` (finite, >= 0, millisecond resolution). Returns
---nothing; under a deadline or when cancelled returns `nil, err, code` early.
---@async
---@param seconds number
---@return nil
---@return string? err
---@return string? code
function luv.sleep(seconds) end

-- Fibers ----------------------------------------------------------------------

luv.fiber = {}

---Creates a fiber that will call `fn(...)` once readied (`ready`, `join`).
---@param fn function any function, Lua or C
---@param ... any arguments for `fn`
---@return luv.fiber
function luv.fiber.create(fn, ...) end

---How many fibers of this thread were readied and have not finished.
---@return integer
function luv.fiber.active() end

---Lets every other ready fiber run, then continues. In the main state: runs
---the ready fibers once and polls the loop without blocking.
---@async
function luv.fiber.yield() end

---Calls `fn(...)` with a deadline: every blocking call of the current state
---meanwhile fails with `ETIMEDOUT` once `seconds` have passed. Returns `fn`'s
---results; errors raised by `fn` propagate.
---@param seconds number
---@param fn async fun(...): ...
---@param ... any arguments for `fn`
---@return any ...
function luv.timeout(seconds, fn, ...) end

---`pcall` whose function may suspend the fiber, also on Lua 5.1.
---@param fn async fun(...): ...
---@param ... any arguments for `fn`
---@return boolean ok
---@return any ... results, or the error
function luv.pcall(fn, ...) end

---`xpcall` whose function may suspend the fiber, also on Lua 5.1; arguments
---after `handler` are passed to `fn`.
---@param fn async fun(...): ...
---@param handler fun(err: any): any
---@param ... any arguments for `fn`
---@return boolean ok
---@return any ... results, or what `handler` returned
function luv.xpcall(fn, handler, ...) end

---A fiber: a coroutine run by the thread's scheduler.
---@class luv.fiber
local fiber = {}

---Queues a new fiber to run and returns it (`luv.fiber.create(f):ready()`).
---No effect on one that is queued, running, waiting or finished.
---@return luv.fiber self
function fiber:ready() end

---Readies a new fiber, waits for it to finish and returns exactly what its
---function returned; raises the fiber's error (and on timeout/cancel).
---@async
---@return any ...
function fiber:join() end

---@return "new"|"ready"|"running"|"waiting"|"dead"
function fiber:status() end

---Cancels the fiber: its blocking call (now or next) returns `ECANCELED`;
---a new fiber never runs. `false` for a finished fiber.
---@param reason? string default `"canceled"`
---@return boolean
function fiber:cancel(reason) end

-- Timers and idle watchers ----------------------------------------------------

luv.timer = {}

---A stopped timer.
---@return luv.timer
function luv.timer.create() end

---A libuv timer.
---@class luv.timer
local timer = {}

---Fires after `delay` ms, then every `repeat_ms` ms if not zero.
---@param delay number milliseconds >= 0
---@param repeat_ms? number milliseconds >= 0, default 0
---@return true? ok
---@return string? err
---@return string? code
function timer:start(delay, repeat_ms) end

---Waits for the timer's next expiry.
---@async
---@return true? ok
---@return string? err
---@return string? code
function timer:wait() end

---Stops the timer; waiters keep waiting until it starts again.
---@return true? ok
---@return string? err
---@return string? code
function timer:stop() end

---Restarts a repeating timer with its repeat interval; `EINVAL` if it was
---never started.
---@return true? ok
---@return string? err
---@return string? code
function timer:again() end

---Whether it is started and has an expiry to come.
---@return boolean
function timer:active() end

---Stops and closes it; waiters get `ECANCELED`, later calls `EBADF`.
---@return true
function timer:close() end

luv.idle = {}

---A stopped idle watcher.
---@return luv.idle
function luv.idle.create() end

---An idle watcher: while started, wakes its waiters on every loop iteration.
---@class luv.idle
local idle = {}

---@return true? ok
---@return string? err
---@return string? code
function idle:start() end

---Stops it; waiters keep waiting until it starts again.
---@return true? ok
---@return string? err
---@return string? code
function idle:stop() end

---Waits for the next loop iteration in which the watcher runs.
---@async
---@return true? ok
---@return string? err
---@return string? code
function idle:wait() end

---Whether it is started.
---@return boolean
function idle:active() end

---Stops and closes it; waiters get `ECANCELED`, later calls `EBADF`.
---@return true
function idle:close() end

-- TCP -------------------------------------------------------------------------

luv.net = {}

---A new TCP socket, not yet bound or connected.
---@return luv.tcp
function luv.net.tcp() end

---A TCP socket (a stream).
---@class luv.tcp
local tcp = {}

---The buffered bytes (at most `len`, 1 to 16 MiB, default 65536), waiting for
---some first. At the end: `nil, "EOF: end of file", "EOF"`.
---@async
---@param len? integer
---@return integer? nbytes
---@return string? data the bytes; on failure, the error message
---@return string? code
function tcp:read(len) end

---The next line without its end of line (`\n` or `\r\n`; kept when
---`keep_eol`), waiting until it is complete. `max` (1 to 16 MiB, default
---65536) bounds it: beyond, `nil, "ENOBUFS: ...", "ENOBUFS"` and the bytes
---stay buffered. A last line without its end comes at EOF, then EOF.
---@async
---@param keep_eol? boolean
---@param max? integer
---@return string? line
---@return string? err
---@return string? code
function tcp:read_line(keep_eol, max) end

---The bytes before the next `separator` (1 to 64 bytes; consumed, and kept in
---the result when `keep_separator`), within `max` bytes as for `read_line`.
---@async
---@param separator string
---@param keep_separator? boolean
---@param max? integer
---@return string? data
---@return string? err
---@return string? code
function tcp:read_until(separator, keep_separator, max) end

---Exactly `n` bytes (1 to 16 MiB), waiting for them. At EOF before `n`:
---`nil, "EOF: end of file", "EOF"`, the bytes left for `read`.
---@async
---@param n integer
---@return string? data
---@return string? err
---@return string? code
function tcp:read_exactly(n) end

---Every byte buffered now, without waiting (`""` when none, or while another
---state waits to read).
---@return string? data
---@return string? err
---@return string? code
function tcp:read_buffered() end

---An iterator over `read_line(keep_eol)`: ends at EOF, raises other failures.
---Suspends inside the loop on LuaJIT and Lua 5.2+ only.
---@param keep_eol? boolean
---@return fun(): string?
function tcp:lines(keep_eol) end

---The TLS session once its handshake is done (`luv.tls.wrap`), or nil.
---@return {version: string, cipher: string, alpn: string?, server_name: string?, resumed: boolean}?
function tcp:tls_info() end

---The TLS peer's certificate, or nil (no TLS, or the peer sent none).
---@return {subject: string, issuer: string, dns_names: string[], ip_addresses: string[], not_before: number, not_after: number, fingerprint: string, serial: string}?
function tcp:peer_certificate() end

---Whether `read()` would return at once.
---@return boolean
function tcp:readable() end

---Writes `data`; returns once it was all handed to the kernel. A write that
---times out while in progress closes the stream (see docs/api.md).
---@async
---@param data string|number
---@return true? ok
---@return string? err
---@return string? code
function tcp:write(data) end

---Whether a small `write()` would complete without suspending.
---@return boolean
function tcp:writable() end

---Bytes given to `write` that the kernel has not taken yet.
---@return integer
function tcp:write_queue_size() end

---Waits until at most `mark` bytes (default 0) are queued for writing.
---@async
---@param mark? integer
---@return true? ok
---@return string? err
---@return string? code
function tcp:drain(mark) end

---Closes the write side once queued writes are written (a half-close).
---@async
---@return true? ok
---@return string? err
---@return string? code
function tcp:shutdown() end

---Closes the stream (idempotent); waiting states get `ECANCELED`.
---@return true
function tcp:close() end

---Starts reading into the buffer in the background.
---@return true? ok
---@return string? err
---@return string? code
function tcp:start() end

---Stops background reading; buffered bytes stay.
---@return true? ok
---@return string? err
---@return string? code
function tcp:stop() end

---Listens for connections after `bind`.
---@param backlog? integer 1 to 65535, default 128
---@return true? ok
---@return string? err
---@return string? code
function tcp:listen(backlog) end

---Waits for a connection: returns a new connected tcp, or, given `client`
---(a fresh `luv.net.tcp()`), accepts into it and returns `true`.
---@async
---@param client? luv.tcp
---@return luv.tcp|true|nil client
---@return string? err
---@return string? code
function tcp:accept(client) end

---Binds to a numeric IPv4 or IPv6 address (names are not resolved).
---@param host string
---@param port integer 0 to 65535; 0: the system chooses
---@return true? ok
---@return string? err
---@return string? code
function tcp:bind(host, port) end

---Connects to `host`: a numeric address at once, a name by trying each of
---its addresses in turn (within the caller's deadline).
---@async
---@param host string
---@param port integer
---@return true? ok
---@return string? err
---@return string? code
function tcp:connect(host, port) end

---The local address.
---@return luv.sockaddr? address
---@return string? err
---@return string? code
function tcp:getsockname() end

---The remote address; `ENOTCONN` when not connected.
---@return luv.sockaddr? address
---@return string? err
---@return string? code
function tcp:getpeername() end

---Turns TCP keepalive on (probes after `seconds` idle) or off.
---@param enable boolean
---@param seconds? integer >= 1, required when enabling
---@return true? ok
---@return string? err
---@return string? code
function tcp:keepalive(enable, seconds) end

---Turns Nagle's algorithm off (`true`) or on (`false`).
---@param enable boolean
---@return true? ok
---@return string? err
---@return string? code
function tcp:nodelay(enable) end

-- Pipes -----------------------------------------------------------------------

luv.pipe = {}

---A new pipe, not yet open.
---@param ipc? boolean able to carry handles (default false)
---@return luv.pipe
function luv.pipe.create(ipc) end

---A Unix domain socket or a pipe (a stream).
---@class luv.pipe
local pipe = {}

---The buffered bytes (at most `len`, 1 to 16 MiB, default 65536), waiting for
---some first. At the end: `nil, "EOF: end of file", "EOF"`.
---@async
---@param len? integer
---@return integer? nbytes
---@return string? data the bytes; on failure, the error message
---@return string? code
function pipe:read(len) end

---The next line without its end of line (`\n` or `\r\n`; kept when
---`keep_eol`), waiting until it is complete. `max` (1 to 16 MiB, default
---65536) bounds it: beyond, `nil, "ENOBUFS: ...", "ENOBUFS"` and the bytes
---stay buffered. A last line without its end comes at EOF, then EOF.
---@async
---@param keep_eol? boolean
---@param max? integer
---@return string? line
---@return string? err
---@return string? code
function pipe:read_line(keep_eol, max) end

---The bytes before the next `separator` (1 to 64 bytes; consumed, and kept in
---the result when `keep_separator`), within `max` bytes as for `read_line`.
---@async
---@param separator string
---@param keep_separator? boolean
---@param max? integer
---@return string? data
---@return string? err
---@return string? code
function pipe:read_until(separator, keep_separator, max) end

---Exactly `n` bytes (1 to 16 MiB), waiting for them. At EOF before `n`:
---`nil, "EOF: end of file", "EOF"`, the bytes left for `read`.
---@async
---@param n integer
---@return string? data
---@return string? err
---@return string? code
function pipe:read_exactly(n) end

---Every byte buffered now, without waiting (`""` when none, or while another
---state waits to read).
---@return string? data
---@return string? err
---@return string? code
function pipe:read_buffered() end

---An iterator over `read_line(keep_eol)`: ends at EOF, raises other failures.
---Suspends inside the loop on LuaJIT and Lua 5.2+ only.
---@param keep_eol? boolean
---@return fun(): string?
function pipe:lines(keep_eol) end

---The TLS session once its handshake is done (`luv.tls.wrap`), or nil.
---@return {version: string, cipher: string, alpn: string?, server_name: string?, resumed: boolean}?
function pipe:tls_info() end

---The TLS peer's certificate, or nil (no TLS, or the peer sent none).
---@return {subject: string, issuer: string, dns_names: string[], ip_addresses: string[], not_before: number, not_after: number, fingerprint: string, serial: string}?
function pipe:peer_certificate() end

---Whether `read()` would return at once.
---@return boolean
function pipe:readable() end

---Writes `data`; returns once it was all handed to the kernel.
---@async
---@param data string|number
---@return true? ok
---@return string? err
---@return string? code
function pipe:write(data) end

---Whether a small `write()` would complete without suspending.
---@return boolean
function pipe:writable() end

---Bytes given to `write` that the kernel has not taken yet.
---@return integer
function pipe:write_queue_size() end

---Waits until at most `mark` bytes (default 0) are queued for writing.
---@async
---@param mark? integer
---@return true? ok
---@return string? err
---@return string? code
function pipe:drain(mark) end

---Closes the write side once queued writes are written (a half-close).
---@async
---@return true? ok
---@return string? err
---@return string? code
function pipe:shutdown() end

---Closes the pipe (idempotent); waiting states get `ECANCELED`.
---@return true
function pipe:close() end

---Starts reading into the buffer in the background.
---@return true? ok
---@return string? err
---@return string? code
function pipe:start() end

---Stops background reading; buffered bytes stay.
---@return true? ok
---@return string? err
---@return string? code
function pipe:stop() end

---Listens for connections after `bind`.
---@param backlog? integer 1 to 65535, default 128
---@return true? ok
---@return string? err
---@return string? code
function pipe:listen(backlog) end

---Waits for a connection: returns a new connected pipe, or, given `client`
---(a fresh `luv.pipe.create()`), accepts into it and returns `true`.
---@async
---@param client? luv.pipe
---@return luv.pipe|true|nil client
---@return string? err
---@return string? code
function pipe:accept(client) end

---Wraps the open descriptor `fd`, which the pipe then owns.
---@param fd integer
---@return true? ok
---@return string? err
---@return string? code
function pipe:open(fd) end

---Creates the socket file `path` (at most 107 bytes; must not exist).
---@param path string
---@return true? ok
---@return string? err
---@return string? code
function pipe:bind(path) end

---Connects to the socket file `path`.
---@async
---@param path string
---@return true? ok
---@return string? err
---@return string? code
function pipe:connect(path) end

---The bound path.
---@return string? path
---@return string? err
---@return string? code
function pipe:getsockname() end

---The path of the socket connected to.
---@return string? path
---@return string? err
---@return string? code
function pipe:getpeername() end

-- UDP -------------------------------------------------------------------------

---A new UDP socket.
---@return luv.udp
function luv.net.udp() end

---Options of `udp:bind`.
---@class luv.udp_bind_options
---@field reuseaddr? boolean let other sockets bind the same address
---@field ipv6only? boolean

---A UDP socket.
---@class luv.udp
local udp = {}

---Binds to a numeric IPv4 or IPv6 address.
---@param host string
---@param port integer
---@param options? luv.udp_bind_options
---@return true? ok
---@return string? err
---@return string? code
function udp:bind(host, port, options) end

---Sends `data` as one datagram to a numeric address.
---@async
---@param host string
---@param port integer
---@param data string
---@return true? ok
---@return string? err
---@return string? code
function udp:send(host, port, data) end

---The oldest received datagram and its sender, waiting for one if none is
---queued.
---@async
---@return string? data
---@return string? host the sender; on failure, the error message
---@return integer|string|nil port the sender's port; on failure, the code
function udp:recv() end

---The local address.
---@return luv.sockaddr? address
---@return string? err
---@return string? code
function udp:getsockname() end

---Allows sending to broadcast addresses.
---@param enable boolean
---@return true? ok
---@return string? err
---@return string? code
function udp:broadcast(enable) end

---Unicast time to live.
---@param ttl integer 1 to 255
---@return true? ok
---@return string? err
---@return string? code
function udp:ttl(ttl) end

---Multicast time to live.
---@param ttl integer 1 to 255
---@return true? ok
---@return string? err
---@return string? code
function udp:multicast_ttl(ttl) end

---Whether multicast sent from this socket is also delivered to this host.
---@param enable boolean
---@return true? ok
---@return string? err
---@return string? code
function udp:multicast_loop(enable) end

---Sends multicast out of the interface with this address.
---@param address string
---@return true? ok
---@return string? err
---@return string? code
function udp:multicast_interface(address) end

---Joins or leaves the multicast `group` on the interface with address
---`interface` (`nil`: the system's choice).
---@param group string
---@param interface string?
---@param action "join"|"leave"
---@return true? ok
---@return string? err
---@return string? code
function udp:membership(group, interface, action) end

---Closes it; a waiting `recv` gets `ECANCELED`, later calls `EBADF`.
---@return true
function udp:close() end

-- Names -----------------------------------------------------------------------

---The `hints` of `luv.net.getaddrinfo`.
---@class luv.getaddrinfo_options
---@field family? "inet"|"inet6"|"unspec"
---@field socktype? "stream"|"dgram"|"raw"|"any" default `"stream"`
---@field protocol? "tcp"|"udp"|"any"
---@field passive? boolean
---@field canonname? boolean
---@field numerichost? boolean
---@field numericserv? boolean
---@field addrconfig? boolean
---@field v4mapped? boolean
---@field all? boolean

---One result of `luv.net.getaddrinfo`.
---@class luv.addrinfo
---@field family "inet"|"inet6"
---@field address string
---@field port integer
---@field socktype "stream"|"dgram"|"raw"
---@field protocol "tcp"|"udp"|integer
---@field canonname? string on the first result, with `hints.canonname`

---Resolves `host` and `service` on libuv's thread pool; every result, IPv4
---and IPv6, in the resolver's order. At least one of them is needed.
---@async
---@param host? string a name or a numeric address (<= 255 bytes)
---@param service? string|integer a port or a service name such as `"http"`
---@param hints? luv.getaddrinfo_options
---@return luv.addrinfo[]? results
---@return string? err
---@return string? code
function luv.net.getaddrinfo(host, service, hints) end

---Options of `luv.net.getnameinfo` (the `NI_` flags).
---@class luv.getnameinfo_options
---@field numerichost? boolean
---@field numericserv? boolean
---@field namereqd? boolean fail rather than give the address back
---@field dgram? boolean
---@field nofqdn? boolean

---Reverse lookup of a numeric address and port: the host's and the
---service's names.
---@async
---@param address string
---@param port? integer default 0
---@param options? luv.getnameinfo_options
---@return string? host
---@return string? service the service; on failure, the error message
---@return string? code
function luv.net.getnameinfo(address, port, options) end

-- Standard streams ------------------------------------------------------------

---Descriptor 0 as a fiber-friendly stream (one per Lua state).
---@type luv.stdio
luv.stdin = nil

---Descriptor 1 as a fiber-friendly stream (one per Lua state).
---@type luv.stdio
luv.stdout = nil

---Descriptor 2 as a fiber-friendly stream (one per Lua state).
---@type luv.stdio
luv.stderr = nil

---A standard stream (`luv.stdin`, `luv.stdout`, `luv.stderr`): a terminal,
---a pipe or socket, or a file (run on the thread pool).
---@class luv.stdio
local stdio = {}

---The buffered bytes (at most `len`), waiting for some first. At the end:
---`nil, "EOF: end of file", "EOF"`.
---@async
---@param len? integer
---@return integer? nbytes
---@return string? data the bytes; on failure, the error message
---@return string? code
function stdio:read(len) end

---The next line without its end of line (`\n` or `\r\n`; kept when
---`keep_eol`), waiting until it is complete. `max` (1 to 16 MiB, default
---65536) bounds it: beyond, `nil, "ENOBUFS: ...", "ENOBUFS"` and the bytes
---stay buffered. A last line without its end comes at EOF, then EOF.
---@async
---@param keep_eol? boolean
---@param max? integer
---@return string? line
---@return string? err
---@return string? code
function stdio:read_line(keep_eol, max) end

---The bytes before the next `separator` (1 to 64 bytes; consumed, and kept in
---the result when `keep_separator`), within `max` bytes as for `read_line`.
---@async
---@param separator string
---@param keep_separator? boolean
---@param max? integer
---@return string? data
---@return string? err
---@return string? code
function stdio:read_until(separator, keep_separator, max) end

---Exactly `n` bytes (1 to 16 MiB), waiting for them. At EOF before `n`:
---`nil, "EOF: end of file", "EOF"`, the bytes left for `read`.
---@async
---@param n integer
---@return string? data
---@return string? err
---@return string? code
function stdio:read_exactly(n) end

---Every byte buffered now (on a file: fetched and not yet read), without
---waiting (`""` when none).
---@return string? data
---@return string? err
---@return string? code
function stdio:read_buffered() end

---An iterator over `read_line(keep_eol)`: ends at EOF, raises other failures.
---Suspends inside the loop on LuaJIT and Lua 5.2+ only.
---@param keep_eol? boolean
---@return fun(): string?
function stdio:lines(keep_eol) end

---Writes `data`.
---@async
---@param data string|number
---@return true? ok
---@return string? err
---@return string? code
function stdio:write(data) end

---Whether `read()` would return at once (always for files).
---@return boolean
function stdio:readable() end

---Whether a small `write()` would complete without suspending.
---@return boolean
function stdio:writable() end

---Starts reading in the background (nothing for files).
---@return true? ok
---@return string? err
---@return string? code
function stdio:start() end

---Stops background reading (nothing for files).
---@return true? ok
---@return string? err
---@return string? code
function stdio:stop() end

---Closes luv's descriptor; descriptor 0, 1 or 2 stays open.
---@return true
function stdio:close() end

---@return "tty"|"pipe"|"file"
function stdio:kind() end

---The standard descriptor the object stands for.
---@return 0|1|2
function stdio:fileno() end

---Terminal mode; `ENOTTY` when not a terminal.
---@param mode "normal"|"raw"|"io"
---@return true? ok
---@return string? err
---@return string? code
function stdio:set_mode(mode) end

---The terminal's size in columns and rows; `ENOTTY` when not a terminal.
---@return integer? width
---@return integer|string|nil height the rows; on failure, the error message
---@return string? code
function stdio:winsize() end

-- Processes -------------------------------------------------------------------

---What a child's stdin, stdout or stderr is connected to: `nil`/`"inherit"`
---(this process's), `false`/`"ignore"` (/dev/null), a descriptor number, a
---fresh `luv.pipe.create()`, an open stream, a `luv.std*` stream or an open
---`luv.file`; for stderr also `"stdout"` (where stdout goes).
---@alias luv.spawn_stdio nil|"inherit"|false|"ignore"|"stdout"|integer|luv.stream|luv.file

---Options of `luv.process.spawn`: the array part is the arguments.
---@class luv.spawn_options
---@field [integer] string|number an argument after the program name
---@field env? table<string, string>|string[] the whole environment (map, `"NAME=value"` list or both)
---@field env_add? table<string, string>|string[] variables added to the inherited environment (or to `env`)
---@field cwd? string the child's working directory
---@field stdin? luv.spawn_stdio
---@field stdout? luv.spawn_stdio
---@field stderr? luv.spawn_stdio
---@field detach? boolean own session; does not keep the program waiting
---@field uid? integer run the child as this user id (needs the privilege)
---@field gid? integer run the child as this group id (needs the privilege)

luv.process = {}

---Starts `cmd` (looked up in `PATH` without a `/`) and returns at once.
---Unknown options, wrong types and NUL bytes raise.
---@param cmd string
---@param options? luv.spawn_options
---@return luv.process? process
---@return string? err
---@return string? code
function luv.process.spawn(cmd, options) end

---Sends `signal` (default `"SIGTERM"`, a name or a number) to any process by
---its id (a positive integer). `ESRCH` when there is none.
---@param pid integer
---@param signal? string|integer
---@return true? ok
---@return string? err
---@return string? code
function luv.process.kill(pid, signal) end

---A child process (a table).
---@class luv.process
---@field pid integer the child's process id
---@field stdin? luv.stream the stream given for stdin, if any
---@field stdout? luv.stream the stream given for stdout, if any
---@field stderr? luv.stream the stream given for stderr, if any
local process = {}

---Waits until the child exits: its exit status and the signal that ended it
---(0 if none).
---@async
---@return integer? exit_status
---@return integer|string|nil term_signal the signal; on failure, the error message
---@return string? code
function process:wait() end

---Sends `signal` (default `"SIGTERM"`): a name (`"KILL"`, `"sigkill"`) or a
---number from 0 to 64. `ESRCH` once the child exited.
---@param signal? string|integer
---@return true? ok
---@return string? err
---@return string? code
function process:kill(signal) end

-- Threads and channels --------------------------------------------------------

luv.thread = {}

---Starts an OS thread that runs `fn(...)` in a Lua state of its own. `fn`,
---its upvalues and the arguments cross through `luv.codec`; a value that
---cannot raises here.
---@param fn function
---@param ... any
---@return luv.thread? thread
---@return string? err
---@return string? code
function luv.thread.spawn(fn, ...) end

---The same function as `luv.thread.spawn`.
---@param fn function
---@param ... any
---@return luv.thread? thread
---@return string? err
---@return string? code
function luv.thread.create(fn, ...) end

---An OS thread with its own Lua state.
---@class luv.thread
local thread = {}

---Waits for the thread and returns what `fn` returned, decoded afresh; raises
---`fn`'s error (and on timeout/cancel).
---@async
---@return any ...
function thread:join() end

---A queue of messages (copied tuples) between fibers and threads.
---@param capacity? integer 1 to 2^30; unbounded without
---@return luv.channel
function luv.channel(capacity) end

---A channel (crosses threads by identity).
---@class luv.channel
local channel = {}

---Queues the tuple (a copy); waits while the channel is full. `EPIPE` once
---closed.
---@async
---@param ... any
---@return true? ok
---@return string? err
---@return string? code
function channel:put(...) end

---Takes the oldest message and returns its values, waiting while empty.
---`nil, err, "EPIPE"` once closed and drained.
---@async
---@return any ...
function channel:get() end

---Puts fail from now on; waiting `put`s and `get`s wake.
---@return true
function channel:close() end

---Messages queued now.
---@return integer
function channel:size() end

---The capacity, or `nil` for an unbounded channel.
---@return integer?
function channel:capacity() end

---Whether `close` was called.
---@return boolean
function channel:closed() end

-- Select ----------------------------------------------------------------------

---Waits until one of the objects is ready and returns it with its position;
---a trailing number is a timeout in seconds (`ETIMEDOUT`). At most 64.
---@async
---@param ... luv.selectable|number
---@return luv.selectable? obj
---@return integer|string index the position; on failure, the error message
---@return string? code
function luv.select(...) end

-- Codec -----------------------------------------------------------------------

---Options of `luv.codec.decode` and `luv.codec.trydecode`.
---@class luv.codec_options
---@field max_bytes? integer may lower the cap, never raise it
---@field max_depth? integer
---@field max_values? integer
---@field max_collisions? integer key comparisons allowed (Lua 5.1 hashing)
---@field dangerously_trust_foreign_code? boolean load code from blobs this process did not sign

luv.codec = {}

---A string holding the whole tuple (nils included); raises, naming the path,
---on a value that cannot be encoded.
---@param ... any
---@return string
function luv.codec.encode(...) end

---The values of a blob; raises `luv.codec.decode: <what> at byte <n>` on a
---bad one.
---@param s string
---@param options? luv.codec_options
---@return any ...
function luv.codec.decode(s, options) end

---`true, values...`, or `nil, err, "ECODEC"` on a bad blob.
---@param s string
---@param options? luv.codec_options
---@return true? ok
---@return any ... the values; on failure, the error message and `"ECODEC"`
function luv.codec.trydecode(s, options) end

---The hard caps.
luv.codec.limits = {}

---Largest blob (1 GiB).
---@type integer
luv.codec.limits.max_bytes = 1073741824

---Deepest nesting.
---@type integer
luv.codec.limits.max_depth = 200

---Most values in a tuple.
---@type integer
luv.codec.limits.max_values = 4096

-- TLS -------------------------------------------------------------------------

luv.tls = {}

---A TLS configuration (`luv.tls.context`); `options`: server, cert, key, ca,
---ca_dir, min_version, max_version, ciphers, ciphersuites, alpn, insecure,
---request_client_cert, require_client_cert.
---@param options? table
---@return luv.tls.context? context
---@return string? err
---@return string? code
function luv.tls.context(options) end

---Starts TLS on a connected stream and runs the handshake; returns the same
---stream, or the failure (`"ETLS"`), having closed it.
---@async
---@generic S: luv.tcp|luv.pipe
---@param stream S
---@param context luv.tls.context
---@param server_name? string
---@return S? stream
---@return string? err
---@return string? code
function luv.tls.wrap(stream, context, server_name) end

---Connects by name and starts TLS (`server_name` defaults to `host`).
---@async
---@param host string
---@param port integer
---@param context luv.tls.context
---@param server_name? string
---@return luv.tcp? tcp
---@return string? err
---@return string? code
function luv.tls.connect(host, port, context, server_name) end

---A TLS configuration shared by the fibers of a state.
---@class luv.tls.context
local tls_context = {}

---A server's certificate for clients whose SNI names `name`.
---@param name string
---@param cert string PEM text or file name
---@param key string PEM text or file name
---@return true? ok
---@return string? err
---@return string? code
function tls_context:add_server_name(name, cert, key) end

-- Crypto ----------------------------------------------------------------------

luv.crypto = {}

---The SHA-256 digest of `s` (32 raw bytes).
---@param s string
---@return string digest
function luv.crypto.sha256(s) end

---The SHA-512 digest of `s` (64 raw bytes).
---@param s string
---@return string digest
function luv.crypto.sha512(s) end

---The BLAKE2b digest of `s`: `size` (16 to 64, default 32) raw bytes, keyed
---with `key` (16 to 64 bytes) when given.
---@param s string
---@param size? integer
---@param key? string
---@return string digest
function luv.crypto.blake2b(s, size, key) end

---`s` in lowercase hexadecimal.
---@param s string
---@return string
function luv.crypto.hex(s) end

---A digest computed piece by piece.
---@param algorithm "sha256"|"sha512"|"blake2b"
---@param size? integer blake2b only: 16 to 64, default 32
---@param key? string blake2b only: 16 to 64 bytes
---@return luv.crypto.hash
function luv.crypto.hash(algorithm, size, key) end

---`n` (0 to 1048576) secure random bytes.
---@param n integer
---@return string
function luv.crypto.random(n) end

---Whether `a` and `b` are equal, in time that depends only on the length.
---@param a string
---@param b string
---@return boolean
function luv.crypto.equal(a, b) end

---A running digest (`luv.crypto.hash`).
---@class luv.crypto.hash
local crypto_hash = {}

---Adds `s`; returns the hash. Raises once the hash is finished.
---@param s string
---@return luv.crypto.hash
function crypto_hash:update(s) end

---Finishes the hash and returns the raw digest. Raises if already finished.
---@return string digest
function crypto_hash:digest() end

-- Filesystem ------------------------------------------------------------------

---fopen's modes; a `"b"` may follow, and `"x"` after a `"w"` mode.
---@alias luv.open_mode "r"|"r+"|"w"|"w+"|"a"|"a+"|string

---What `stat` returns.
---@class luv.fs_stat
---@field dev integer
---@field ino integer
---@field mode integer
---@field nlink integer
---@field uid integer
---@field gid integer
---@field rdev integer
---@field size integer
---@field blksize integer
---@field blocks integer
---@field flags integer
---@field gen integer
---@field atime number seconds since the epoch
---@field mtime number
---@field ctime number
---@field birthtime number
---@field is_file boolean
---@field is_directory boolean
---@field is_symbolic_link boolean
---@field is_fifo boolean
---@field is_socket boolean
---@field is_character_device boolean
---@field is_block_device boolean
---@field type "file"|"directory"|"link"|"fifo"|"socket"|"char"|"block"|"unknown"
---@field perm string permission bits in octal, `"644"`

---An entry of `luv.fs.walk`.
---@class luv.fs_walk_entry
---@field path string `dir .. "/" .. name`
---@field type string as `luv.fs_dirent`'s
---@field depth integer 1 for the entries of the walked directory

---The bounds of `luv.fs.walk`; beyond them it fails with `E2BIG`.
---@class luv.fs_walk_options
---@field max_depth? integer default 64
---@field max_entries? integer default 100000

---An entry of `luv.fs.scandir`.
---@class luv.fs_dirent
---@field name string
---@field type "file"|"directory"|"link"|"fifo"|"socket"|"char"|"block"|"unknown"

---The `flags` of `luv.fs.copyfile`.
---@class luv.copyfile_options
---@field excl? boolean fail with `EEXIST` if `newpath` exists
---@field ficlone? boolean try a copy-on-write clone first
---@field ficlone_force? boolean only a clone

luv.fs = {}

---Opens `path`.
---@async
---@param path string
---@param mode? luv.open_mode default `"r"`
---@param perm? string octal permission string for a new file, default `"666"`
---@return luv.file? file
---@return string? err
---@return string? code
function luv.fs.open(path, mode, perm) end

---@async
---@param path string
---@return true? ok
---@return string? err
---@return string? code
function luv.fs.unlink(path) end

---@async
---@param path string
---@param mode? string octal permission string, default `"777"`
---@return true? ok
---@return string? err
---@return string? code
function luv.fs.mkdir(path, mode) end

---@async
---@param path string
---@return true? ok
---@return string? err
---@return string? code
function luv.fs.rmdir(path) end

---The names in the directory, sorted, without `.` and `..`.
---@async
---@param path string
---@return string[]? names
---@return string? err
---@return string? code
function luv.fs.readdir(path) end

---As `readdir`, with each entry's type.
---@async
---@param path string
---@return luv.fs_dirent[]? entries
---@return string? err
---@return string? code
function luv.fs.scandir(path) end

---Follows symbolic links.
---@async
---@param path string
---@return luv.fs_stat? stat
---@return string? err
---@return string? code
function luv.fs.stat(path) end

---Of a symbolic link itself.
---@async
---@param path string
---@return luv.fs_stat? stat
---@return string? err
---@return string? code
function luv.fs.lstat(path) end

---@async
---@param path string
---@param newpath string
---@return true? ok
---@return string? err
---@return string? code
function luv.fs.rename(path, newpath) end

---A hard link.
---@async
---@param path string
---@param newpath string
---@return true? ok
---@return string? err
---@return string? code
function luv.fs.link(path, newpath) end

---Creates `path`, a symbolic link to `target`.
---@async
---@param target string
---@param path string
---@param mode? string checked, no effect
---@return true? ok
---@return string? err
---@return string? code
function luv.fs.symlink(target, path, mode) end

---@async
---@param path string
---@return string? target
---@return string? err
---@return string? code
function luv.fs.readlink(path) end

---The absolute path, with `.`, `..` and links resolved.
---@async
---@param path string
---@return string? path
---@return string? err
---@return string? code
function luv.fs.realpath(path) end

---@async
---@param path string
---@param mode string octal permission string
---@return true? ok
---@return string? err
---@return string? code
function luv.fs.chmod(path, mode) end

---@async
---@param path string
---@param uid integer -1: unchanged
---@param gid integer -1: unchanged
---@return true? ok
---@return string? err
---@return string? code
function luv.fs.chown(path, uid, gid) end

---@async
---@param path string
---@param atime number seconds since the epoch
---@param mtime number seconds since the epoch
---@return true? ok
---@return string? err
---@return string? code
function luv.fs.utime(path, atime, mtime) end

---Whether the process may read, write, execute (`"rwx"`, any combination)
---`path`; `""` (default): whether it exists.
---@async
---@param path string
---@param mode? string
---@return true? ok
---@return string? err
---@return string? code
function luv.fs.access(path, mode) end

---Copies a file, replacing `newpath`.
---@async
---@param path string
---@param newpath string
---@param flags? luv.copyfile_options
---@return true? ok
---@return string? err
---@return string? code
function luv.fs.copyfile(path, newpath, flags) end

---Creates a directory (mode 700) named by `template`, ending in `"XXXXXX"`.
---@async
---@param template string
---@return string? path
---@return string? err
---@return string? code
function luv.fs.mkdtemp(template) end

---Flushes a file or directory to disk.
---@async
---@param path string
---@return true? ok
---@return string? err
---@return string? code
function luv.fs.fsync(path) end

---The whole contents of the file at `path`.
---@async
---@param path string
---@return string? data
---@return string? err
---@return string? code
function luv.fs.readfile(path) end

---Replaces the file at `path` with `data` atomically (temporary file, fsync,
---rename); on failure `path` is untouched.
---@async
---@param path string
---@param data string|number
---@return true? ok
---@return string? err
---@return string? code
function luv.fs.writefile(path, data) end

---Creates `path` and its missing parents (`mkdir -p`); `mode` is for `path`.
---@async
---@param path string
---@param mode? string permission string, default `"777"` less the umask
---@return true? ok
---@return string? err
---@return string? code
function luv.fs.mkdirp(path, mode) end

---Every entry below `path`, depth first, links not followed.
---@async
---@param path string
---@param options? luv.fs_walk_options
---@return luv.fs_walk_entry[]? entries
---@return string? err
---@return string? code
function luv.fs.walk(path, options) end

---Copies `length` bytes (default: all) of `infile` from `offset` (default 0)
---to `out` at its position; returns the bytes copied.
---@async
---@param out luv.file
---@param infile luv.file
---@param offset? integer
---@param length? integer
---@return integer? bytes
---@return string? err
---@return string? code
function luv.fs.sendfile(out, infile, offset, length) end

---The process's working directory. Does not suspend.
---@return string? path
---@return string? err
---@return string? code
function luv.fs.cwd() end

---Changes the process's working directory (for every thread).
---@async
---@param path string
---@return true? ok
---@return string? err
---@return string? code
function luv.fs.chdir(path) end

---The running executable. Does not suspend.
---@return string? path
---@return string? err
---@return string? code
function luv.fs.exepath() end

---Watches a file or directory for changes (inotify). Does not suspend.
---@param path string
---@return luv.fs_watch? watch
---@return string? err
---@return string? code
function luv.fs.watch(path) end

---An open file, from `luv.fs.open`. It has one position, starting at 0.
---@class luv.file
local file = {}

---Reads up to `len` bytes (default 64 KiB, at most 64 MiB) at the position
---(moving it) or at `offset`; `0, ""` at the end of the file.
---@async
---@param len? integer
---@param offset? integer
---@return integer? nbytes
---@return string? data the bytes; on failure, the error message
---@return string? code
function file:read(len, offset) end

---An iterator over the file's lines (without `"\n"`) from its position;
---raises if a read fails. Suspends while reading (in a fiber: LuaJIT, 5.2+).
---@return fun(): string?
function file:lines() end

---Writes `data` at the position (moving it) or at `offset`.
---@async
---@param data string|number
---@param offset? integer
---@return integer? nbytes
---@return string? err
---@return string? code
function file:write(data, offset) end

---Closes it after the calls made before it.
---@async
---@return true? ok
---@return string? err
---@return string? code
function file:close() end

---As `luv.fs.stat`.
---@async
---@return luv.fs_stat? stat
---@return string? err
---@return string? code
function file:stat() end

---Data and metadata reach the disk (fsync).
---@async
---@return true? ok
---@return string? err
---@return string? code
function file:sync() end

---The data reaches the disk (fdatasync).
---@async
---@return true? ok
---@return string? err
---@return string? code
function file:datasync() end

---@async
---@param atime number seconds since the epoch
---@param mtime number seconds since the epoch
---@return true? ok
---@return string? err
---@return string? code
function file:utime(atime, mtime) end

---@async
---@param mode string octal permission string
---@return true? ok
---@return string? err
---@return string? code
function file:chmod(mode) end

---@async
---@param uid integer -1: unchanged
---@param gid integer -1: unchanged
---@return true? ok
---@return string? err
---@return string? code
function file:chown(uid, gid) end

---Cuts or extends the file to `length` bytes (default 0); the position stays.
---@async
---@param length? integer
---@return true? ok
---@return string? err
---@return string? code
function file:truncate(length) end

---A watch on a file or directory, from `luv.fs.watch`.
---@class luv.fs_watch
local fs_watch = {}

---The next change: `"rename"` or `"change"`, and the entry's name (nil when
---unknown). `ENOBUFS` after dropped events.
---@async
---@return "rename"|"change"|nil event
---@return string? name the entry; on failure, the error message
---@return string? code
function fs_watch:wait() end

---Waiting states get `ECANCELED`; later waits `EBADF`.
---@return true
function fs_watch:close() end

-- ØMQ -------------------------------------------------------------------------

luv.zmq = {}

---A new context with `nthreads` I/O threads.
---@param nthreads? integer 0 to 64, default 1
---@return luv.zmq.context? context
---@return string? err
---@return string? code
function luv.zmq.create(nthreads) end

---libzmq's version.
---@return integer major
---@return integer minor
---@return integer patch
function luv.zmq.version() end

---Socket type.
---@type integer
luv.zmq.PAIR = 0

---Socket type.
---@type integer
luv.zmq.PUB = 1

---Socket type.
---@type integer
luv.zmq.SUB = 2

---Socket type.
---@type integer
luv.zmq.REQ = 3

---Socket type.
---@type integer
luv.zmq.REP = 4

---Socket type.
---@type integer
luv.zmq.DEALER = 5

---Socket type.
---@type integer
luv.zmq.ROUTER = 6

---Socket type.
---@type integer
luv.zmq.PULL = 7

---Socket type.
---@type integer
luv.zmq.PUSH = 8

---Socket type.
---@type integer
luv.zmq.XPUB = 9

---Socket type.
---@type integer
luv.zmq.XSUB = 10

---Socket type.
---@type integer
luv.zmq.STREAM = 11

---Flag: fail with `EAGAIN` instead of suspending.
---@type integer
luv.zmq.DONTWAIT = 1

---Flag: more frames of this message follow.
---@type integer
luv.zmq.SNDMORE = 2

---Option: after a `recv`, whether more frames follow (`getsockopt` → boolean).
---@type integer
luv.zmq.RCVMORE = 13

---Bit of `getsockopt("EVENTS")`: a message can be received.
---@type integer
luv.zmq.POLLIN = 1

---Bit of `getsockopt("EVENTS")`: a message can be sent.
---@type integer
luv.zmq.POLLOUT = 2

---A ØMQ context; crosses threads by identity.
---@class luv.zmq.context
local zmq_context = {}

---A new socket; `ETERM` after `term()`, `EMFILE` past `MAX_SOCKETS`.
---@param type integer|string a `luv.zmq` socket type or its name (`"PUB"`)
---@return luv.zmq.socket? socket
---@return string? err
---@return string? code
function zmq_context:socket(type) end

---Shuts the context down for every thread: its sockets fail with `ETERM`.
---@return true? ok
---@return string? err
---@return string? code
function zmq_context:term() end

---A context option (`"IO_THREADS"`, `"MAX_SOCKETS"`, ...), by name or number.
---@param name string|integer
---@return integer|boolean|nil value
---@return string? err
---@return string? code
function zmq_context:get(name) end

---Sets a context option, by name or number.
---@param name string|integer
---@param value integer|boolean
---@return true? ok
---@return string? err
---@return string? code
function zmq_context:set(name, value) end

---A ØMQ socket; belongs to the thread that made it.
---@class luv.zmq.socket
local zmq_socket = {}

---@param endpoint string `"tcp://127.0.0.1:*"`, `"inproc://name"`, ...
---@return true? ok
---@return string? err
---@return string? code
function zmq_socket:bind(endpoint) end

---@param endpoint string
---@return true? ok
---@return string? err
---@return string? code
function zmq_socket:unbind(endpoint) end

---@param endpoint string
---@return true? ok
---@return string? err
---@return string? code
function zmq_socket:connect(endpoint) end

---@param endpoint string
---@return true? ok
---@return string? err
---@return string? code
function zmq_socket:disconnect(endpoint) end

---Sends `msg` as one frame, suspending while the socket cannot take it.
---@async
---@param msg string
---@param flags? integer `luv.zmq.SNDMORE`, `luv.zmq.DONTWAIT`, added
---@return true? ok
---@return string? err
---@return string? code
function zmq_socket:send(msg, flags) end

---The next frame, suspending until one arrives.
---@async
---@param flags? integer `luv.zmq.DONTWAIT`
---@return string? msg
---@return string? err
---@return string? code
function zmq_socket:recv(flags) end

---Sends the strings of `frames` (at least one) as one message.
---@async
---@param frames string[]
---@param flags? integer
---@return true? ok
---@return string? err
---@return string? code
function zmq_socket:send_multipart(frames, flags) end

---Every frame of the next message.
---@async
---@param flags? integer
---@return string[]? frames
---@return string? err
---@return string? code
function zmq_socket:recv_multipart(flags) end

---A socket option by name (`"LINGER"`, `"linger"`, `"ZMQ_LINGER"`) or number.
---@param name string|integer
---@return integer|boolean|string|nil value
---@return string? err
---@return string? code
function zmq_socket:getsockopt(name) end

---Sets a socket option; the value has the option's type.
---@param name string|integer
---@param value integer|boolean|string
---@return true? ok
---@return string? err
---@return string? code
function zmq_socket:setsockopt(name, value) end

---Closes the socket at once (its `LINGER` applies); waiters get `ECANCELED`.
---@return true
function zmq_socket:close() end

-- Signals ---------------------------------------------------------------------

---A signal: a name in any case, with or without `SIG` (`"TERM"`,
---`"sigterm"`, `"SIGRTMIN+3"`), or a number from 1 to 64.
---@alias luv.signal_name string|integer

luv.signal = {}

---A watcher of `sig`, started: while any watcher of it is started the
---signal no longer takes its usual action. Raises for unknown signals and
---for those no watcher can catch (`SIGKILL`, `SIGSTOP`, `SIGSEGV`, ...).
---@param sig luv.signal_name
---@return luv.signal? watcher
---@return string? err
---@return string? code
function luv.signal.create(sig) end

---Makes `sig` ignored whenever no watcher catches it (now, or once the last
---stops). Raises as `create`, and for `SIGCHLD`.
---@param sig luv.signal_name
---@return true? ok
---@return string? err
---@return string? code
function luv.signal.ignore(sig) end

---Gives `sig` its default action whenever no watcher catches it (now, or
---once the last stops). Raises as `ignore`.
---@param sig luv.signal_name
---@return true? ok
---@return string? err
---@return string? code
function luv.signal.default(sig) end

---Sends `sig` to this process, as `kill` would.
---@param sig luv.signal_name
---@return true? ok
---@return string? err
---@return string? code
function luv.signal.raise(sig) end

---A signal watcher: every watcher of a signal, in every thread, gets each
---delivery; one that nobody waits for is kept (as one) for the next wait.
---@class luv.signal
local signal = {}

---The signal's name (`"SIGTERM"`) once it arrives, or at once if it arrived
---since the watcher was created or the last wait returned. Wakes every
---waiting state.
---@async
---@return string? name
---@return string? err
---@return string? code
function signal:wait() end

---Catches the signal again after `stop`.
---@return true? ok
---@return string? err
---@return string? code
function signal:start() end

---Stops catching: the signal takes its usual action again unless another
---watcher catches it; waiters keep waiting until it starts again.
---@return true? ok
---@return string? err
---@return string? code
function signal:stop() end

---Whether it is started.
---@return boolean
function signal:active() end

---Stops and closes it; waiters get `ECANCELED`, later calls `EBADF`.
---@return true
function signal:close() end

-- Internal types --------------------------------------------------------------
-- luv registers these metatables for its own bookkeeping; programs do not get
-- such objects.

---(internal) The userdata that owns a `luv.process`'s child.
---@class luv.process_handle

---(internal) A libuv request a waiting call owns.
---@class luv.request

---(internal) A Lua state's scheduler.
---@class luv.scheduler

---(internal) The wait group of a `luv.select` call.
---@class luv.select

return luv
