#pragma once
// The two ways the adapter writes: to something that exists (a 404 says it
// is gone, and what to do), and a create that never leaves two (SPEC.md §5).
#include <cstdint>
#include <optional>
#include <string>

#include "remote/api_client.hpp"

namespace ato::remote {

// Runs a write to an existing `noun` ("case", "shared step").
template <class Write>
void write_existing(const std::string& noun, Write write) {
  try {
    write();
  } catch (const core::RemoteError& e) {
    if (e.status() != 404) throw;
    throw core::RemoteError(std::string(e.what()) + "; the " + noun +
                                " is gone from TestOps (deleted since the plan?): run `ato-sync plan` again",
                            404);
  }
}

// `send` posts the create (Retry::NotBlindly) and returns the new id, 0 when
// the answer holds none. When its outcome is unknown, `find` looks for what
// it may have made before it is sent again; a create that may still be
// running is not sent again at all.
template <class Send, class Find>
std::int64_t create_without_duplicate(const std::string& noun, const std::string& route, Send send,
                                      Find find) {
  for (int attempt = 1;; ++attempt) {
    try {
      const std::int64_t id = send();
      if (!id) throw core::RemoteError("POST " + route + " answered without an id");
      return id;
    } catch (const UnknownOutcome& e) {
      if (const std::optional<std::int64_t> existing = find()) return *existing;
      if (e.still_running())
        throw core::RemoteError(std::string(e.what()) + "; TestOps may still be creating the " + noun +
                                ", so it is not sent again: run `ato-sync plan` to see whether it arrived");
      if (attempt >= 5) throw;
    }
  }
}

}  // namespace ato::remote
