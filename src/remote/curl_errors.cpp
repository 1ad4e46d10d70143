#include "remote/curl_errors.hpp"

#include <curl/curl.h>

namespace ato::remote {
namespace {

using Kind = TransportError::Kind;

bool tls_verification_failed(int code) {
  return code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CACERT_BADFILE || code == CURLE_SSL_CERTPROBLEM ||
         code == CURLE_SSL_ISSUER_ERROR || code == CURLE_SSL_CRL_BADFILE || code == CURLE_SSL_PINNEDPUBKEYNOTMATCH ||
         code == CURLE_SSL_INVALIDCERTSTATUS;
}

bool tls_setup_failed(int code) {
  return code == CURLE_SSL_CIPHER || code == CURLE_SSL_ENGINE_NOTFOUND || code == CURLE_SSL_ENGINE_SETFAILED ||
         code == CURLE_SSL_ENGINE_INITFAILED || code == CURLE_USE_SSL_FAILED;
}

// curl (7.88, OpenSSL 3) reports every broken handshake as
// CURLE_SSL_CONNECT_ERROR. One that a reset or a close broke off is the
// network's fault (a server restarting, a balancer without a backend): a
// reset comes with its errno, a close as SSL_ERROR_SYSCALL. Any other one is
// TLS itself refusing: a plain-http server on an https URL ("wrong version
// number"), or no protocol version or cipher in common.
bool handshake_broken_off(const CurlFailure& failure) {
  return failure.os_errno != 0 || failure.detail.find("SSL_ERROR_SYSCALL") != std::string::npos;
}

}  // namespace

TransportError transport_error(const CurlFailure& failure) {
  const int code = failure.code;
  const std::string& detail = failure.detail;
  if (failure.too_large || code == CURLE_FILESIZE_EXCEEDED) return {detail, Kind::TooLarge};
  if (code == CURLE_OPERATION_TIMEDOUT) return {detail, Kind::TimedOut};
  if (code == CURLE_COULDNT_RESOLVE_HOST)
    return {detail + "; the host name does not resolve: check `endpoint` in the config (or ATO_BASE) for a typo",
            Kind::Unresolved};
  if (code == CURLE_COULDNT_RESOLVE_PROXY)
    return {detail + "; the proxy's host name does not resolve: check HTTPS_PROXY, HTTP_PROXY and NO_PROXY",
            Kind::Unresolved};
  if (code == CURLE_COULDNT_CONNECT) return {detail, Kind::NotSent};
  if (code == CURLE_SSL_CONNECT_ERROR && handshake_broken_off(failure)) return {detail, Kind::NotSent};
  if (code == CURLE_SSL_CONNECT_ERROR)
    return {detail + "; the TLS handshake failed: does the server speak https on that port? (a plain-http server "
                     "needs an http:// endpoint)",
            Kind::Untrusted};
  if (tls_verification_failed(code))
    return {detail + "; TLS verification failed (it is never skipped): trust the server's CA with --cacert FILE or "
                     "ATO_CA_BUNDLE, and use the host name its certificate names",
            Kind::Untrusted};
  if (tls_setup_failed(code)) return {detail + "; TLS could not be set up", Kind::Untrusted};
  if (code == CURLE_UNSUPPORTED_PROTOCOL || code == CURLE_URL_MALFORMAT)
    return {detail + "; check `endpoint`: an http:// or https:// URL of the server (an https server does not "
                     "answer http://)",
            Kind::Unusable};
  // Reset, closed or broken mid-answer: the server may have seen the request.
  return {detail, Kind::Dropped};
}

}  // namespace ato::remote
