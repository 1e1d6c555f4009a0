#!/usr/bin/env python3
"""An HTTPS server that answers every request with 429 + Retry-After: a central server that is reachable
but never takes anything (for `kioskctl sync` exit code 75).
    busy_server.py PORT CERT KEY"""
import http.server
import ssl
import sys


class Busy(http.server.BaseHTTPRequestHandler):
    def busy(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = b'{"error":"rate_limited","message":"busy"}'
        self.send_response(429)
        self.send_header("Retry-After", "1")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = busy

    def log_message(self, *args):
        pass


http.server.HTTPServer.allow_reuse_address = True
server = http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Busy)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(sys.argv[2], sys.argv[3])
server.socket = context.wrap_socket(server.socket, server_side=True)
print("listening", flush=True)
server.serve_forever()
