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

"""Every external repository luv uses. Nothing here downloads anything."""

load("//third_party/systemlibs:system_library.bzl", "system_library")

def luv_offline_rule_repositories():
    """Local stand-ins for the repositories Bazel 4.2.3 would fetch itself."""
    native.local_repository(name = "rules_cc", path = "third_party/rules_cc")
    native.local_repository(name = "rules_java", path = "third_party/rules_java")
    native.local_repository(
        name = "remote_coverage_tools",
        path = "third_party/remote_coverage_tools",
    )

def luv_system_libraries():
    """Debian -dev packages, each checked and exposed as @<name>//:<target>."""
    system_library(
        name = "libuv",
        build_file = "//third_party/systemlibs:libuv.BUILD",
        pkg_config = "libuv",
        pkg_config_package = "libuv1-dev",
        min_version = "1.44",
        link_modules = ["libuv"],
        provides = {"libuv1-dev": ["include/uv.h=/usr/include/uv.h", "include/uv=/usr/include/uv"]},
    )
    system_library(
        name = "libzmq",
        build_file = "//third_party/systemlibs:libzmq.BUILD",
        pkg_config = "libzmq",
        pkg_config_package = "libzmq3-dev",
        min_version = "4.3",
        provides = {"libzmq3-dev": ["include/zmq.h=/usr/include/zmq.h"]},
    )
    system_library(
        name = "lua",
        build_file = "//third_party/systemlibs:lua.BUILD",
        pkg_config = "lua5.1",
        pkg_config_package = "liblua5.1-0-dev",
        min_version = "5.1",
        link_modules = ["lua5.1"],
        provides = {
            "liblua5.1-0-dev": ["include=/usr/include/lua5.1"],
            "lua5.1": ["bin/lua5.1=/usr/bin/lua5.1"],
        },
    )
    system_library(
        name = "lua52",
        build_file = "//third_party/systemlibs:lua52.BUILD",
        pkg_config = "lua5.2",
        pkg_config_package = "liblua5.2-dev",
        link_modules = ["lua5.2"],
        provides = {
            "liblua5.2-dev": ["include=/usr/include/lua5.2"],
            "lua5.2": ["bin/lua5.2=/usr/bin/lua5.2"],
        },
    )
    system_library(
        name = "lua53",
        build_file = "//third_party/systemlibs:lua53.BUILD",
        pkg_config = "lua5.3",
        pkg_config_package = "liblua5.3-dev",
        link_modules = ["lua5.3"],
        provides = {
            "liblua5.3-dev": ["include=/usr/include/lua5.3"],
            "lua5.3": ["bin/lua5.3=/usr/bin/lua5.3"],
        },
    )
    system_library(
        name = "lua54",
        build_file = "//third_party/systemlibs:lua54.BUILD",
        pkg_config = "lua5.4",
        pkg_config_package = "liblua5.4-dev",
        link_modules = ["lua5.4"],
        provides = {
            "liblua5.4-dev": ["include=/usr/include/lua5.4"],
            "lua5.4": ["bin/lua5.4=/usr/bin/lua5.4"],
        },
    )
    system_library(
        name = "luajit",
        build_file = "//third_party/systemlibs:luajit.BUILD",
        pkg_config = "luajit",
        pkg_config_package = "libluajit-5.1-dev",
        min_version = "2.1",
        link_modules = ["luajit"],
        provides = {
            "libluajit-5.1-dev": ["include=/usr/include/luajit-2.1"],
            "luajit": ["bin/luajit=/usr/bin/luajit"],
        },
    )
    system_library(
        name = "gtest",
        build_file = "//third_party/systemlibs:gtest.BUILD",
        pkg_config = "gtest_main",
        pkg_config_package = "libgtest-dev",
        min_version = "1.12",
        link_modules = ["gtest_main", "gmock"],
        provides = {
            "libgtest-dev": ["include/gtest=/usr/include/gtest"],
            "libgmock-dev": ["include/gmock=/usr/include/gmock"],
        },
    )
    system_library(
        name = "benchmark",
        build_file = "//third_party/systemlibs:benchmark.BUILD",
        pkg_config = "benchmark",
        pkg_config_package = "libbenchmark-dev",
        min_version = "1.7",
        link_modules = ["benchmark"],
        provides = {"libbenchmark-dev": ["include/benchmark=/usr/include/benchmark"]},
    )
    system_library(
        name = "libsodium",
        build_file = "//third_party/systemlibs:libsodium.BUILD",
        pkg_config = "libsodium",
        pkg_config_package = "libsodium-dev",
        min_version = "1.0.18",
        link_modules = ["libsodium"],
        provides = {
            "libsodium-dev": ["include/sodium.h=/usr/include/sodium.h", "include/sodium=/usr/include/sodium"],
        },
    )
    system_library(
        name = "openssl",
        build_file = "//third_party/systemlibs:openssl.BUILD",
        pkg_config = "openssl",
        pkg_config_package = "libssl-dev",
        min_version = "3.0",
        link_modules = ["openssl"],
        provides = {
            "libssl-dev": ["include/openssl=/usr/include/openssl"],
            "openssl": ["bin/openssl=/usr/bin/openssl"],
        },
    )
