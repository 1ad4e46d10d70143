// The output filter: a secret never passes, however the text around it is
// cut into writes and flushes, and everything else passes unchanged.
#include <gtest/gtest.h>

#include <ostream>
#include <sstream>

#include "remote/redacted_output.hpp"

namespace ato::remote {
namespace {

const std::string kToken = "0f3c9a1e-5b7d-4e2a-9c11-7d2b8e6f4a90";
const std::string kJwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";

// An ostream like std::cerr (flushed after every insertion) over the filter.
struct Filtered {
  SecretSet secrets;
  std::ostringstream sink;
  std::optional<RedactingBuffer> buffer;
  std::optional<std::ostream> out;
  Filtered() {
    secrets.add(kToken);
    secrets.add(kJwt);
    buffer.emplace(*sink.rdbuf(), secrets);
    out.emplace(&*buffer);
    *out << std::unitbuf;
  }
  std::string seen() const { return sink.str(); }
};

TEST(Redaction, TokenAndJwtAreReplacedWhereverTheyStand) {
  Filtered f;
  *f.out << "GET /api/testcase answered 400: Authorization: Api-Token " << kToken << "\n";
  *f.out << "Bearer " + kJwt + "; again: " + kJwt + "\n";
  EXPECT_EQ(f.seen(), "GET /api/testcase answered 400: Authorization: Api-Token [REDACTED]\n"
                      "Bearer [REDACTED]; again: [REDACTED]\n");
}

TEST(Redaction, UrlEncodedFormIsReplacedToo) {
  SecretSet secrets;
  secrets.add("tok/en+with=signs");
  EXPECT_EQ(secrets.redact("token=tok%2Fen%2Bwith%3Dsigns&scope=openid"), "token=[REDACTED]&scope=openid");
}

TEST(Redaction, SecretCutAcrossWritesAndFlushesIsStillReplaced) {
  Filtered f;
  *f.out << "echo: " << kToken.substr(0, 10);
  *f.out << std::flush;
  *f.out << kToken.substr(10) << " end\n";
  EXPECT_EQ(f.seen(), "echo: [REDACTED] end\n");
}

TEST(Redaction, TextIsHeldBackOnlyWhileItCouldStartASecret) {
  Filtered f;
  *f.out << "Enter a value: ";  // a prompt is let out on the flush, before the answer is read
  EXPECT_EQ(f.seen(), "Enter a value: ");
  *f.out << "id " << kToken.substr(0, 4);
  EXPECT_EQ(f.seen(), "Enter a value: id ");
  *f.out << "zz\n";
  EXPECT_EQ(f.seen(), "Enter a value: id " + kToken.substr(0, 4) + "zz\n");
}

TEST(Redaction, WhatIsHeldBackIsLetOutAtTheEnd) {
  Filtered f;
  *f.out << "last words " << kToken.substr(0, 6);
  f.out.reset();
  f.buffer.reset();
  EXPECT_EQ(f.seen(), "last words " + kToken.substr(0, 6));
}

TEST(Redaction, SecretWhoseEndStartsAnotherOneIsStillReplaced) {
  SecretSet secrets;
  secrets.add("abcdefgh12");
  secrets.add("gh12xyzuvw");
  std::ostringstream sink;
  {
    RedactingBuffer buffer(*sink.rdbuf(), secrets);
    std::ostream out(&buffer);
    out << "[abcdefgh12" << std::flush << "]\n";
  }
  EXPECT_EQ(sink.str(), "[[REDACTED]]\n");
}

TEST(Redaction, ShortStringsAreNoSecrets) {
  SecretSet secrets;
  secrets.add("t");
  secrets.add("");
  EXPECT_EQ(secrets.redact("plan: 1 to create"), "plan: 1 to create");
}

TEST(Redaction, LongOutputPassesUnchanged) {
  Filtered f;
  std::string expected;
  for (int i = 0; i < 2000; ++i) {
    const std::string line = "  + case group/case-" + std::to_string(i) + " will be created\n";
    *f.out << line;
    expected += line;
  }
  EXPECT_EQ(f.seen(), expected);
}

}  // namespace
}  // namespace ato::remote
