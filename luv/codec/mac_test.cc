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

#include "luv/codec/mac.h"

#include <string>
#include <thread>

#include "gtest/gtest.h"
#include "luv/codec/format.h"

namespace luv::codec {
namespace {

const uint8_t* Bytes(const std::string& s) {
  return reinterpret_cast<const uint8_t*>(s.data());
}

// First in the file, so that the key is created on the other thread.
TEST(MacTest, OneKeyIsSharedByAllThreads) {
  std::string blob = "made on another thread";
  uint8_t mac[kMacSize];
  bool signed_ok = false;
  std::thread signer([&] { signed_ok = SignBlob(Bytes(blob), blob.size(), mac); });
  signer.join();
  ASSERT_TRUE(signed_ok);
  EXPECT_TRUE(VerifyBlob(Bytes(blob), blob.size(), mac));
}

TEST(MacTest, VerifiesItsOwnMacAndNothingElse) {
  std::string blob = "luv\1\1 some bytes";
  uint8_t mac[kMacSize];
  ASSERT_TRUE(SignBlob(Bytes(blob), blob.size(), mac));
  EXPECT_TRUE(VerifyBlob(Bytes(blob), blob.size(), mac));
  std::string changed = blob;
  changed[7] ^= 1;
  EXPECT_FALSE(VerifyBlob(Bytes(changed), changed.size(), mac));
  mac[0] ^= 1;
  EXPECT_FALSE(VerifyBlob(Bytes(blob), blob.size(), mac));
  uint8_t zeros[kMacSize] = {};
  EXPECT_FALSE(VerifyBlob(Bytes(blob), blob.size(), zeros));
}

}  // namespace
}  // namespace luv::codec
