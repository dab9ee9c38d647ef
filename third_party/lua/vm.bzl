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

"""The Lua VM a build targets, as a build setting, and the transition that
builds a target for another VM within the same `bazel` invocation."""

# lua51 is the default; the others are selected with --config=<vm>.
VMS = ["lua51", "luajit", "lua52", "lua53", "lua54"]

_SETTING = "//third_party/lua:vm"

def _vm_setting_impl(ctx):
    vm = ctx.build_setting_value
    if vm not in VMS:
        fail("//third_party/lua:vm must be one of %s, not '%s'" % (VMS, vm))
    return []

lua_vm_setting = rule(
    implementation = _vm_setting_impl,
    build_setting = config.string(flag = True),
    doc = "Which Lua VM's headers and library the build uses.",
)

def _to_vm_impl(settings, attr):
    return {_SETTING: attr.vm}

to_vm = transition(
    implementation = _to_vm_impl,
    inputs = [],
    outputs = [_SETTING],
)

def _for_vm_impl(ctx):
    target = ctx.attr.target[0]
    # Each file again under <name>/ (a symlink), so that builds of one file
    # for several VMs can sit in one test's runfiles without colliding.
    links = []
    for f in target[DefaultInfo].files.to_list():
        link = ctx.actions.declare_file(ctx.label.name + "/" + f.basename)
        ctx.actions.symlink(output = link, target_file = f, is_executable = True)
        links.append(link)
    # Only the links: the target's own runfiles would put its file at its
    # usual path too, where the default VM's build of it may also be.
    return [DefaultInfo(files = depset(links), runfiles = ctx.runfiles(files = links))]

for_vm = rule(
    implementation = _for_vm_impl,
    doc = "`target` built for the Lua VM `vm` (lua51, luajit, lua52, lua53, lua54).",
    attrs = {
        "vm": attr.string(mandatory = True, values = VMS),
        "target": attr.label(mandatory = True, cfg = to_vm),
        "_allowlist_function_transition": attr.label(
            default = "@bazel_tools//tools/allowlists/function_transition_allowlist",
        ),
    },
)
