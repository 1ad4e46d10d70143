// The shared steps' cache file (io/shared_step_cache over io/cache_document):
// steps kept by lastModifiedDate, per endpoint and project; a damaged file
// or one of another format version is only a slower run.
#include "io/shared_step_cache.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/normalize.hpp"
#include "io/case_cache.hpp"

namespace ato::io {
namespace {

struct SharedStepCacheFile : ::testing::Test {
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              ("ato-shared-step-cache-file-" + std::to_string(::getpid()) + "-" +
                               ::testing::UnitTest::GetInstance()->current_test_info()->name());
  const std::string endpoint = "http://127.0.0.1:1";
  void SetUp() override { std::filesystem::remove_all(dir); }
  void TearDown() override { std::filesystem::remove_all(dir); }
  std::string file() const { return cache_file(dir.string(), endpoint, 1, "-shared-steps.json"); }
};

core::RemoteSharedStep login(std::int64_t last_modified) {
  core::RemoteSharedStep s;
  s.allure_id = 4;
  s.last_modified = last_modified;
  s.content.name = "Log in";
  core::Step step;
  step.keyword = core::Keyword::Given;
  step.text = "the login page";
  step.expected = "it is shown";
  step.steps = {core::split_keyword("Open /login")};
  s.content.steps = {step};
  return s;
}

TEST_F(SharedStepCacheFile, StepsComeBackWhileTheLastModifiedDateIsTheSame) {
  SharedStepCache(dir.string(), endpoint, 1).put_all({login(500)});
  const SharedStepCache read(dir.string(), endpoint, 1);
  ASSERT_TRUE(read.get(4, 500));
  EXPECT_EQ(*read.get(4, 500), login(500).content.steps);
  EXPECT_FALSE(read.get(4, 501)) << "a write to the shared step moved it";
  EXPECT_FALSE(read.get(5, 500));
  EXPECT_FALSE(SharedStepCache(dir.string(), endpoint, 2).get(4, 500)) << "another project";
}

TEST_F(SharedStepCacheFile, ADamagedFileOrAnotherVersionIsIgnored) {
  SharedStepCache(dir.string(), endpoint, 1).put_all({login(500)});
  std::ofstream(file()) << "{\"version\": 1, \"endpoint\": ";
  EXPECT_FALSE(SharedStepCache(dir.string(), endpoint, 1).get(4, 500));
  std::ofstream(file()) << R"({"version": 99, "endpoint": "http://127.0.0.1:1", "project_id": 1, "shared_steps": []})";
  EXPECT_FALSE(SharedStepCache(dir.string(), endpoint, 1).get(4, 500));
}

}  // namespace
}  // namespace ato::io
