#!/usr/bin/env python3
"""Serves a built app directory over HTTP with gzip, as a real host would, for `make lighthouse`.

Usage: serve_gzip.py DIR PORT. Files are compressed on request (level 9) when the client accepts
gzip; nothing is cached, so a rebuilt dist/ is served as is.
"""

import gzip
import http.server
import sys
from functools import partial

COMPRESSIBLE = (".html", ".js", ".wasm", ".css", ".svg", ".json", ".txt", ".ico")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
    }

    def send_head(self):
        path = self.translate_path(self.path)
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or not path.endswith(COMPRESSIBLE):
            return super().send_head()
        try:
            with open(path, "rb") as f:
                body = gzip.compress(f.read(), 9)
        except OSError:
            return super().send_head()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.wfile.write(body)
        return None

    def do_GET(self):
        # A directory path resolves to its index.html.
        if self.path.split("?", 1)[0].endswith("/"):
            self.path = self.path.split("?", 1)[0] + "index.html"
        super().do_GET()

    def log_message(self, *args):
        pass


def main():
    root, port = sys.argv[1], int(sys.argv[2])
    handler = partial(GzipHandler, directory=root)
    http.server.ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()


if __name__ == "__main__":
    main()
