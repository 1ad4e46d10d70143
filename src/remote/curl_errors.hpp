#pragma once
// What a failed libcurl transfer means (SPEC.md §5): whether the server can
// have seen the request, whether sending it again can help, and a message
// that says what to check. Pure, so that tests can feed it curl's codes
// without a network; the codes are libcurl's CURLcode values.
#include <string>

#include "remote/http_transport.hpp"

namespace ato::remote {

struct CurlFailure {
  int code = 0;        // CURLcode
  long os_errno = 0;   // CURLINFO_OS_ERRNO: the socket error behind it, 0 when none
  std::string detail;  // curl's error buffer (or curl_easy_strerror)
  bool too_large = false;  // our write callback stopped an answer past the size limit
};

TransportError transport_error(const CurlFailure& failure);

}  // namespace ato::remote
