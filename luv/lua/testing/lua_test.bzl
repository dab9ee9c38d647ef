"""Lua programs and tests that run against the luv module built here.

lua_test(name, src): one Lua file run three ways, as `<name>_lua51`
(Debian's lua5.1 loading //luv:luv.so), `<name>_luajit` (luajit loading
//luv:luv.so) and `<name>_host` (//luv/lua/testing:lua_host, which embeds Lua
and links luv statically, so --config=asan/ubsan/tsan instrument it all).
The interpreter variants are tagged "interpreter"; the sanitizer configs
filter them out because Debian's interpreters are not instrumented. `<name>`
is a test_suite of all three. A test passes when the script exits with 0.

lua_binary(name, src, interpreter = "lua51", system_cpath = False):
`bazel run //pkg:name -- args` runs the script with lua5.1 (or "luajit") and
our luv.so; system_cpath also lets it load Debian's Lua modules (after ours).

lua_example(name): a lua_binary and a lua_test of `<name>.lua`.
"""

load("//luv:version.bzl", "LUV_VERSION")

_RUNNER = "//luv/lua/testing:run_lua.sh"
_LIBRARY = "//luv/lua/testing:luvtest.lua"
_MODULE = "//luv:luv.so"
_HOST = "//luv/lua/testing:lua_host"

_VARIANTS = [
    ("lua51", "@lua//:interpreter", _MODULE, ["interpreter"]),
    ("luajit", "@luajit//:interpreter", _MODULE, ["interpreter"]),
    ("host", _HOST, None, ["host"]),
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

_INTERPRETERS = {
    "lua51": "@lua//:interpreter",
    "luajit": "@luajit//:interpreter",
}

def lua_binary(name, src, data = [], interpreter = "lua51", system_cpath = False, **kwargs):
    interpreter = _INTERPRETERS[interpreter]
    native.sh_binary(
        name = name,
        srcs = [_RUNNER],
        args = (["--system-cpath"] if system_cpath else []) +
               _runner_args(interpreter, _MODULE, src),
        data = [interpreter, src, _LIBRARY, _MODULE] + data,
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
