// SHA-256 digests (OpenSSL), for import records and the change log's hash chain.
#ifndef KEMBAR_IO_DIGEST_H_
#define KEMBAR_IO_DIGEST_H_

#include <string>
#include <string_view>

namespace kembar::io {

// The SHA-256 of `data` as 64 lower-case hex digits.
std::string Sha256Hex(std::string_view data);

}  // namespace kembar::io

#endif  // KEMBAR_IO_DIGEST_H_
