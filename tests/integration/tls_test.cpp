// TLS is always verified: a self-signed server is refused until its
// certificate is given with --cacert (or ATO_CA_BUNDLE).
#include <gtest/gtest.h>

#include "integration/workspace.hpp"

namespace ato::test {
namespace {

struct SelfSigned {
  std::string dir = make_temp_dir();
  std::string cert = dir + "/cert.pem";
  std::string key = dir + "/key.pem";
  // `host` as a certificate names it: "IP:127.0.0.1" or "DNS:testops.example.com".
  explicit SelfSigned(const std::string& host = "IP:127.0.0.1") {
    const auto result = run_process({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                                     "-subj", "/CN=" + host.substr(host.find(':') + 1), "-addext",
                                     "subjectAltName=" + host, "-keyout", key, "-out", cert});
    if (result.exit_code != 0) throw std::runtime_error("openssl failed: " + result.err);
  }
};

class Tls : public ::testing::Test {
 protected:
  SelfSigned certificate;
  Emulator emulator{{"--tls-cert", certificate.cert, "--tls-key", certificate.key}};
  Workspace repo{emulator};
  ProcessOptions options() {
    auto o = emulator.ato_options(repo.dir());
    o.env["ATO_BASE"] = "https://127.0.0.1:" + std::to_string(emulator.port());
    return o;
  }
  void SetUp() override { repo.write("cases/a.yaml", case_yaml("a", "A")); }
};

TEST_F(Tls, UnknownCertificateIsRefused) {
  const auto result = run_ato_sync({"plan"}, options());
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(contains(result.err, "certificate")) << result.err;
}

TEST_F(Tls, CacertFlagTrustsTheServer) {
  const auto result = run_ato_sync({"--cacert", certificate.cert, "plan"}, options());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(contains(result.out, "Plan: 1 to create"));
}

TEST_F(Tls, ApplyOverTlsCreatesOnFreshConnections) {
  for (int i = 0; i < 12; ++i) repo.write("cases/c" + std::to_string(i) + ".yaml", case_yaml("c" + std::to_string(i), "C"));
  const auto apply = run_ato_sync({"--cacert", certificate.cert, "apply", "--auto-approve"}, options());
  EXPECT_EQ(apply.exit_code, 0) << apply.err;
  EXPECT_TRUE(contains(apply.out, "Apply complete! 13 created")) << apply.out;
  EXPECT_EQ(run_ato_sync({"--cacert", certificate.cert, "plan"}, options()).out,
            "No changes. Allure TestOps matches the cases.\n");
}

TEST_F(Tls, CaBundleVariableTrustsTheServer) {
  auto o = options();
  o.env["ATO_CA_BUNDLE"] = certificate.cert;
  EXPECT_EQ(run_ato_sync({"plan"}, o).exit_code, 0);
}

TEST(TlsWrongName, CertificateForAnotherHostIsRefusedEvenWhenTrusted) {
  SelfSigned other_host("DNS:testops.example.com");
  Emulator emulator{{"--tls-cert", other_host.cert, "--tls-key", other_host.key}};
  Workspace repo{emulator};
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  auto options = emulator.ato_options(repo.dir());
  options.env["ATO_BASE"] = "https://127.0.0.1:" + std::to_string(emulator.port());
  const auto result = run_ato_sync({"--cacert", other_host.cert, "plan"}, options);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(contains(result.err, "127.0.0.1")) << result.err;
  EXPECT_TRUE(contains(result.err, "certificate")) << result.err;
}

// Issue #15: an https endpoint whose server speaks plain http was tried 8
// times (17 s); the handshake can never succeed, so it is reported at once.
TEST(TlsPlainServer, HttpsEndpointOfAPlainHttpServerIsReportedAtOnce) {
  Emulator emulator;  // plain http
  Workspace repo{emulator};
  repo.write("cases/a.yaml", case_yaml("a", "A"));
  auto options = emulator.ato_options(repo.dir());
  options.env["ATO_BASE"] = "https://127.0.0.1:" + std::to_string(emulator.port());
  const auto result = run_ato_sync({"plan"}, options);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(contains(result.err, "ato-sync: error: POST /api/uaa/oauth/token failed: ")) << result.err;
  EXPECT_TRUE(contains(result.err, "does the server speak https on that port?")) << result.err;
  EXPECT_FALSE(contains(result.err, "gave up after")) << result.err;
}

}  // namespace
}  // namespace ato::test
