#!/bin/bash
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

# make_test_certs_test.sh MAKE_TEST_CERTS OPENSSL: runs make_test_certs and
# checks its files with the openssl command: the chains verify for their
# purpose, the expired and unknown-CA ones do not, the keys match.
set -eu
make_test_certs=$1 openssl=$2
dir=${TEST_TMPDIR:-$(mktemp -d)}/certs
mkdir -p "$dir"
"$make_test_certs" "$dir"

fail() { echo "make_test_certs_test: $*" >&2; exit 1; }

for name in ca server other wildcard expired client unknown_ca unknown_server; do
  [ -s "$dir/$name.pem" ] || fail "missing $name.pem"
done
"$openssl" verify -CAfile "$dir/ca.pem" -purpose sslserver \
  "$dir/server.pem" "$dir/other.pem" "$dir/wildcard.pem" >/dev/null
"$openssl" verify -CAfile "$dir/ca.pem" -purpose sslclient "$dir/client.pem" >/dev/null
"$openssl" verify -CAfile "$dir/ca.pem" "$dir/expired.pem" >/dev/null 2>&1 &&
  fail "expired.pem verifies"
"$openssl" verify -CAfile "$dir/ca.pem" "$dir/unknown_server.pem" >/dev/null 2>&1 &&
  fail "unknown_server.pem verifies against ca.pem"
"$openssl" verify -CAfile "$dir/unknown_ca.pem" "$dir/unknown_server.pem" >/dev/null
"$openssl" x509 -in "$dir/server.pem" -noout -ext subjectAltName |
  grep -q 'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1' ||
  fail "server.pem lacks its subjectAltNames"
for name in server other wildcard expired client unknown_server; do
  cert=$("$openssl" x509 -in "$dir/$name.pem" -noout -pubkey)
  key=$("$openssl" pkey -in "$dir/$name.key" -pubout)
  [ "$cert" = "$key" ] || fail "$name.key does not match $name.pem"
  [ "$(stat -c %a "$dir/$name.key")" = 600 ] || fail "$name.key is not mode 600"
done
echo "make_test_certs_test: ok"
