// A minimal HTTP/1.1 client over plain loopback sockets for the black-box server
// tests (load_test.cc, faults_test.cc): one connection per request.
#ifndef KEMBAR_TEST_TESTING_HTTP_CLIENT_H_
#define KEMBAR_TEST_TESTING_HTTP_CLIENT_H_

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace kembar::testing {

// A connected socket to 127.0.0.1:`port`, or -1.
inline int Connect(uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// False when the peer went away first.
inline bool SendAll(int fd, const std::string& data) {
  size_t off = 0;
  while (off < data.size()) {
    const ssize_t n = ::send(fd, data.data() + off, data.size() - off, MSG_NOSIGNAL);
    if (n <= 0) return false;
    off += static_cast<size_t>(n);
  }
  return true;
}

// Reads until the peer closes or `timeout` passes.
inline std::string ReadToClose(int fd, std::chrono::milliseconds timeout) {
  using Clock = std::chrono::steady_clock;
  std::string out;
  const auto deadline = Clock::now() + timeout;
  char buf[65536];
  while (Clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (::poll(&p, 1, static_cast<int>(std::max<int64_t>(left, 1))) <= 0) break;
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

// Sends `pieces` one after another, but stops as soon as the server has answered (so
// that its answer is read before it closes on unread bytes), then reads the answer.
// `sent` gets the bytes sent.
inline std::string SendUntilAnswered(int fd, const std::vector<std::string>& pieces, size_t* sent) {
  *sent = 0;
  for (const std::string& piece : pieces) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 20) > 0) break;
    if (!SendAll(fd, piece)) break;
    *sent += piece.size();
  }
  return ReadToClose(fd, std::chrono::milliseconds(5000));
}

struct HttpAnswer {
  int status = 0;    // 0: no answer (refused, reset or timed out)
  std::string head;  // status line and headers
  std::string body;
};

inline HttpAnswer ParseAnswer(const std::string& raw) {
  HttpAnswer r;
  const size_t end = raw.find("\r\n\r\n");
  if (raw.size() < 12 || end == std::string::npos || raw.compare(0, 5, "HTTP/") != 0) return r;
  r.status = std::atoi(raw.substr(9, 3).c_str());
  r.head = raw.substr(0, end);
  r.body = raw.substr(end + 4);
  return r;
}

// One request on a connection of its own ("Connection: close"); `headers` are whole
// lines, each ending in CRLF.
inline HttpAnswer HttpRequest(uint16_t port, const std::string& method, const std::string& target,
                              const std::string& body = "", const std::string& headers = "",
                              std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
  const int fd = Connect(port);
  if (fd < 0) return {};
  std::string req = method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n" +
                    "Connection: close\r\n" + headers;
  if (!body.empty() || method == "POST" || method == "PUT") {
    req +=
        "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  }
  req += "\r\n" + body;
  SendAll(fd, req);
  HttpAnswer r = ParseAnswer(ReadToClose(fd, timeout));
  ::close(fd);
  return r;
}

}  // namespace kembar::testing

#endif  // KEMBAR_TEST_TESTING_HTTP_CLIENT_H_
