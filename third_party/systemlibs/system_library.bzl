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

"""A repository rule for a library installed from Debian's archive.

Nothing is downloaded: the rule finds what a Debian package installed, checks
the version with pkg-config, symlinks the headers (and any programs) into the
repository so Bazel tracks them, and adds the BUILD file kept beside this rule.
When something is missing it fails with one message that names the Debian
package and the bootstrap command, instead of a wall of compiler errors.
"""

_BOOTSTRAP = "bash tools/bootstrap.sh"

def _missing(ctx, package, what):
    fail(("\n\nluv: {what} is missing.\n" +
          "It comes from the Debian package '{package}' (needed by @{repo}).\n" +
          "Install every package luv needs with:\n\n    {cmd}\n").format(
        what = what,
        package = package,
        repo = ctx.name,
        cmd = _BOOTSTRAP,
    ))

def _check_version(ctx):
    if not ctx.attr.pkg_config:
        return
    module = ctx.attr.pkg_config
    package = ctx.attr.pkg_config_package
    pkg_config = ctx.which("pkg-config")
    if pkg_config == None:
        _missing(ctx, "pkg-config", "the pkg-config program")
    found = ctx.execute([pkg_config, "--modversion", module])
    if found.return_code != 0:
        _missing(ctx, package, "pkg-config module '%s'" % module)
    version = found.stdout.strip()
    if ctx.attr.min_version:
        ok = ctx.execute([pkg_config, "--atleast-version=" + ctx.attr.min_version, module])
        if ok.return_code != 0:
            fail(("\n\nluv: {module} {version} is too old; luv needs {min} or newer " +
                  "(Debian package '{package}').\n").format(
                module = module,
                version = version,
                min = ctx.attr.min_version,
                package = package,
            ))
    ctx.file("VERSION", version + "\n")

def _system_library_impl(ctx):
    _check_version(ctx)
    for package, entries in ctx.attr.provides.items():
        for entry in entries:
            link, _, target = entry.partition("=")
            if not target.startswith("/"):
                fail("system_library %s: '%s' must be repo_path=/absolute/path" % (ctx.name, entry))
            if not ctx.path(target).exists:
                _missing(ctx, package, target)
            ctx.symlink(target, link)
    ctx.template("BUILD.bazel", ctx.attr.build_file, _link_flags(ctx))

def _link_flags(ctx):
    # `%{libs:<module>}` in the BUILD file becomes the module's linker flags.
    if not ctx.attr.link_modules:
        return {}
    pkg_config = ctx.which("pkg-config")
    flags = {}
    for module in ctx.attr.link_modules:
        found = ctx.execute([pkg_config, "--libs", module])
        if found.return_code != 0:
            _missing(ctx, ctx.attr.pkg_config_package, "pkg-config module '%s'" % module)
        flags["%{libs:" + module + "}"] = repr([f for f in found.stdout.strip().split(" ") if f])
    return flags

system_library = repository_rule(
    implementation = _system_library_impl,
    local = True,
    doc = "A library from a Debian -dev package, checked and exposed to Bazel.",
    attrs = {
        "build_file": attr.label(
            mandatory = True,
            allow_single_file = True,
            doc = "BUILD file of the repository (third_party/systemlibs/<lib>.BUILD).",
        ),
        "pkg_config": attr.string(doc = "pkg-config module whose version is checked."),
        "pkg_config_package": attr.string(doc = "Debian package that ships the module."),
        "min_version": attr.string(doc = "Oldest version luv supports."),
        "link_modules": attr.string_list(
            doc = "pkg-config modules whose `--libs` the BUILD file uses as %{libs:<module>}.",
        ),
        "provides": attr.string_list_dict(
            doc = "Debian package -> ['repo/path=/system/path', ...] it installs.",
        ),
    },
)
