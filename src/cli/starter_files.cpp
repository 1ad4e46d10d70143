#include "cli/starter_files.hpp"

namespace ato::cli {
namespace {

constexpr const char* kStarterConfig =
    R"(# yaml-language-server: $schema=schema/config.schema.json
# ato-sync: Allure TestOps test cases as code. Every key but endpoint and
# project has a default; the values below are the defaults unless marked.
# The API token is never written here: set ATO_TOKEN (or ALLURE_TOKEN), or
# pass --token-file PATH.

# Your Allure TestOps address (replace the placeholder). Env ATO_BASE, then
# ALLURE_ENDPOINT, override it.
endpoint: https://allure.example.com

# The project: its numeric id (replace the placeholder), or {name: "Shop"}.
# Env ATO_PROJECT_ID, then ALLURE_PROJECT_ID, override it.
project: 1

# Folder of the case files (*.yaml, *.yml), relative to this file.
cases: cases

# "/api" for TestOps 25.x; "/api/rs" for older servers.
api_prefix: /api

# exchange: trade the API token for a short-lived JWT (the usual way);
# api-token: send the API token on every request; bearer: a JWT as given.
auth: exchange

# Cases carry the tag "<prefix><id>" so that ato-sync knows they are its own.
id_tag_prefix: "ato-sync:"

# Concurrent requests to TestOps.
parallelism: 8

# What happens to a case whose YAML was deleted: a soft delete (restorable),
# or {status: Outdated} to keep it with that workflow status instead.
archive: delete

# A plan that would archive more than max_archive cases AND more than
# max_archive_percent of the managed ones fails unless --allow-archive N.
guard: {max_archive: 10, max_archive_percent: 20}

# Status and layer of cases that do not name one.
defaults: {status: Active, layer: null}

# YAML keys for custom fields: `feature: Checkout` sets the field "Feature".
# Any other custom field goes under `fields:` in a case, by its name.
fields:
  feature: Feature
  suite: Suite
  component: Component

# `severity: critical` becomes the tag "severity:critical"; write
# {field: "Severity"} to use a custom field instead. Same for priority.
severity: tag
priority: tag

# Issue prefixes for `issues: [JIRA:SHOP-123]`, each naming a TestOps
# integration by id or by name. None by default; for example:
# integrations:
#   JIRA: {name: Jira}
#   GH: {id: 2}

# Lints that `validate` should not warn about, for example:
# lints: [flat-steps]
)";

constexpr const char* kStarterCase = R"(# yaml-language-server: $schema=../schema/case.schema.json
# One test case. A file may hold several, separated by ---. The line above
# gives editors the schema for this document only; .vscode/settings.json maps
# every document of every case file to it.
# `id` is yours to choose and never changes: it ties this case to TestOps.
id: example/login-with-password
name: User can log in with a password
description: |
  Replace this example with a case of your own, then run
  `ato-sync validate` and `ato-sync plan`.
precondition: A registered user exists
layer: UI
feature: Login
tags: [smoke]
severity: critical
priority: high
steps:
  - given: The user is on the login page
    steps:
      - Open /login
  - when: The user enters a valid email and password
    steps:
      - Type the email
      - Type the password
      - Press "Log in"
  - then: The user is logged in
    expected: The dashboard shows the user's name
)";

constexpr const char* kStarterWorkflow = R"(# ato-sync in GitHub Actions:
# - pull requests: validate the cases and post the plan as a comment;
# - main: apply the cases to Allure TestOps.
# Settings: secret ALLURE_TESTOPS_TOKEN. The endpoint and project come from
# ato-sync.yaml (or set ATO_BASE and ATO_PROJECT_ID below).
# Install ato-sync the way your team ships it (the .deb that `cpack` builds,
# or build it from source with scripts/build); the step below assumes a .deb
# committed under tools/.
name: ato-sync

on:
  pull_request:
    paths: ["cases/**", "ato-sync.yaml"]
  push:
    branches: [main]
    paths: ["cases/**", "ato-sync.yaml"]

permissions:
  contents: read
  pull-requests: write

env:
  ATO_TOKEN: ${{ secrets.ALLURE_TESTOPS_TOKEN }}
  NO_COLOR: "1"

jobs:
  plan:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Install ato-sync
        run: sudo apt-get install -y ./tools/ato-sync.deb
      - name: Validate
        run: ato-sync validate --strict
      - name: Plan
        run: ato-sync plan --markdown > plan.md
      - name: Post the plan as a comment
        uses: actions/github-script@v7
        with:
          script: |
            const body = require('fs').readFileSync('plan.md', 'utf8');
            await github.rest.issues.createComment({ ...context.repo, issue_number: context.issue.number, body });

  apply:
    if: github.event_name == 'push'
    runs-on: ubuntu-latest
    concurrency:
      group: ato-sync-apply
      cancel-in-progress: false
    steps:
      - uses: actions/checkout@v4
      - name: Install ato-sync
        run: sudo apt-get install -y ./tools/ato-sync.deb
      - name: Apply
        run: ato-sync apply --auto-approve
)";

// yaml-language-server (the VS Code YAML extension; Neovim and others take the
// same `yaml.schemas` setting) matches these patterns against the end of the
// file's path, `*` standing for any characters, "/" included; the `**` form
// is for tools that read them as globs.
constexpr const char* kEditorSettings = R"({
  "yaml.schemas": {
    "./schema/case.schema.json": ["cases/*.yaml", "cases/*.yml", "cases/**/*.yaml", "cases/**/*.yml"],
    "./schema/shared-step.schema.json": ["shared-steps/*.yaml", "shared-steps/*.yml", "shared-steps/**/*.yaml", "shared-steps/**/*.yml"],
    "./schema/test-plan.schema.json": ["test-plans/*.yaml", "test-plans/*.yml", "test-plans/**/*.yaml", "test-plans/**/*.yml"],
    "./schema/config.schema.json": ["ato-sync.yaml"]
  }
}
)";

}  // namespace

std::vector<StarterFile> starter_files() {
  return {{"ato-sync.yaml", kStarterConfig},
          {"cases/example.yaml", kStarterCase},
          {".github/workflows/ato-sync.yml", kStarterWorkflow},
          {"schema/case.schema.json", starter_case_schema(), true},
          {"schema/config.schema.json", starter_config_schema(), true},
          {"schema/shared-step.schema.json", starter_shared_step_schema(), true},
          {"schema/test-plan.schema.json", starter_test_plan_schema(), true},
          {".vscode/settings.json", kEditorSettings, true}};
}

}  // namespace ato::cli
