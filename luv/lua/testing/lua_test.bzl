# Copyright 2026 The luv Authors
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.

"""Lua programs and tests that run against the luv module built here.

lua_test(name, src): one Lua file run under every VM, whatever --config
says: `<name>_lua51`, `_luajit`, `_lua52`, `_lua53` and `_lua54` (Debian's
interpreter loading luv.so built for that VM; LuaJIT loads the 5.1 build,
which is the same file), and `<name>_host` and `<name>_host54`
(//luv/lua/testing:lua_host built for 5.1 and for 5.4: it embeds Lua and
links luv statically, so --config=asan/ubsan/tsan instrument it all). The
interpreter variants are tagged "interpreter"; the sanitizer configs filter
them out because Debian's interpreters are not instrumented. `<name>` is a
test_suite of them all. A test passes when the script exits with 0.

lua_binary(name, src, interpreter = "lua51", system_cpath = False):
`bazel run //pkg:name -- args` runs the script with lua5.1 (or "luajit",
"lua52", "lua53", "lua54") and luv.so built for it; system_cpath also lets
it load Debian's Lua modules (after ours).

lua_example(name): a lua_binary and a lua_test of `<name>.lua`.
"""

load("//luv:version.bzl", "LUV_VERSION")

_RUNNER = "//luv/lua/testing:run_lua.sh"
_LIBRARY = "//luv/lua/testing:luvtest.lua"

# Per VM: its interpreter, and luv.so built for it (//luv/lua/testing's
# for_vm targets).
_INTERPRETERS = {
    "lua51": ("@lua//:interpreter", "//luv/lua/testing:luv_so_lua51"),
    "luajit": ("@luajit//:interpreter", "//luv/lua/testing:luv_so_lua51"),
    "lua52": ("@lua52//:interpreter", "//luv/lua/testing:luv_so_lua52"),
    "lua53": ("@lua53//:interpreter", "//luv/lua/testing:luv_so_lua53"),
    "lua54": ("@lua54//:interpreter", "//luv/lua/testing:luv_so_lua54"),
}

_VARIANTS = [
    (vm, interpreter, module, ["interpreter"])
    for vm, (interpreter, module) in _INTERPRETERS.items()
] + [
    ("host", "//luv/lua/testing:lua_host_lua51", None, ["host"]),
    ("host54", "//luv/lua/testing:lua_host_lua54", None, ["host", "host54"]),
]

def _runner_args(interpreter, module, src):
    return [
        "$(rootpath %s)" % interpreter,
        "$(rootpath %s)" % module if module else "builtin",
        LUV_VERSION,
        "$(rootpath %s)" % src,
    ]

def lua_test(name, src, data = [], size = "small", tags = [], args = [], expect = None, **kwargs):
    """`expect`: a file of regular expressions the output must match, in order."""
    tests = []
    expect_args = ["--expect", "$(rootpath %s)" % expect] if expect else []
    for variant, interpreter, module, variant_tags in _VARIANTS:
        native.sh_test(
            name = "%s_%s" % (name, variant),
            size = size,
            srcs = [_RUNNER],
            args = expect_args + _runner_args(interpreter, module, src) + args,
            data = [interpreter, src, _LIBRARY] + ([module] if module else []) +
                   ([expect] if expect else []) + data,
            tags = tags + variant_tags,
            **kwargs
        )
        tests.append(":%s_%s" % (name, variant))
    native.test_suite(name = name, tests = tests, tags = tags)

def lua_binary(name, src, data = [], interpreter = "lua51", system_cpath = False, **kwargs):
    interpreter, module = _INTERPRETERS[interpreter]
    native.sh_binary(
        name = name,
        srcs = [_RUNNER],
        args = (["--system-cpath"] if system_cpath else []) +
               _runner_args(interpreter, module, src),
        data = [interpreter, src, _LIBRARY, module] + data,
        **kwargs
    )

def lua_example(name, src = None, **kwargs):
    """`bazel run //examples:<name>`, and `<name>_test` runs it as a test,
    checking its output against `<name>.expected` when that file exists."""
    src = src or name + ".lua"
    expected = native.glob([name + ".expected"])
    lua_binary(name = name, src = src)
    lua_test(
        name = name + "_test",
        src = src,
        expect = expected[0] if expected else None,
        **kwargs
    )
