#!/usr/bin/env python3
"""Opens N keep-alive connections to 127.0.0.1:PORT, sends one request on each, reads
its answer and keeps them open (idle) until killed or MAX_SECONDS pass.

Usage: idle_connections.py PORT PATH [N] [TOKEN] [MAX_SECONDS]
Prints "idle connections open: N" once all are answered. Python 3 standard library only.
Loopback only; bounded in count and time.
"""
import socket
import sys
import time


def main():
    port, path = int(sys.argv[1]), sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    token = sys.argv[4] if len(sys.argv) > 4 else ""
    max_seconds = float(sys.argv[5]) if len(sys.argv) > 5 else 600
    auth = f"Authorization: Bearer {token}\r\n" if token else ""
    request = f"GET {path} HTTP/1.1\r\nHost: localhost\r\n{auth}\r\n".encode()
    socks = []
    for _ in range(n):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(request)
        socks.append(s)
    answered = 0
    for s in socks:
        s.settimeout(30)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        answered += data.startswith(b"HTTP/1.1 ")
        # The body is left unread in the socket: the connection stays idle on both sides.
    print(f"idle connections open: {answered}", flush=True)
    deadline = time.time() + max_seconds
    while time.time() < deadline:
        time.sleep(1)


if __name__ == "__main__":
    main()
