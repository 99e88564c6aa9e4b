#!/usr/bin/python3
"""An HTTP MJPEG camera for the capture tests: answers GET with multipart/x-mixed-replace JPEG parts, the way cheap IP
cameras serve http://cam/video.mjpg.

    mjpeg_server.py [--port 0] [--file VIDEO] [--width 640] [--height 360] [--fps 10] [--tls CERT KEY]

The JPEGs come from an ffmpeg child that plays VIDEO in a loop at its own rate (or ffmpeg's testsrc2 pattern without
--file), scaled to WIDTHxHEIGHT at FPS. Every client gets the latest picture as it is produced, on any path.
--port 0 asks the OS for a free port; the same port can be given again to a new server after this one was killed.
--tls serves https:// with the given PEM certificate and key (cameras that only speak TLS).

Once listening it prints "READY <port>" on stdout. It exits when its stdin closes.
"""
import argparse
import http.server
import ssl
import subprocess
import sys
import threading

BOUNDARY = "frame"


class Pictures:
    """The latest JPEG from ffmpeg's mpjpeg output, with a sequence number clients wait on."""

    def __init__(self, args):
        if args.file:
            source = ["-re", "-stream_loop", "-1", "-i", args.file]
        else:
            source = ["-re", "-f", "lavfi", "-i", f"testsrc2=size={args.width}x{args.height}:rate={args.fps}"]
        command = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", *source, "-an",
                   "-vf", f"fps={args.fps},scale={args.width}:{args.height}", "-q:v", "5", "-f", "mpjpeg", "-"]
        self.ffmpeg = subprocess.Popen(command, stdout=subprocess.PIPE)
        self.condition = threading.Condition()
        self.sequence = 0
        self.jpeg = b""
        threading.Thread(target=self.run, daemon=True).start()

    def run(self):
        stream = self.ffmpeg.stdout
        while True:
            length = None
            while True:  # part headers up to the blank line
                line = stream.readline()
                if not line:
                    sys.stderr.write("mjpeg_server.py: ffmpeg source ended\n")
                    return
                line = line.strip()
                if not line:
                    if length is not None:
                        break
                    continue
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            data = stream.read(length)
            with self.condition:
                self.jpeg = data
                self.sequence += 1
                self.condition.notify_all()

    def next(self, after):
        with self.condition:
            self.condition.wait_for(lambda: self.sequence != after, timeout=5)
            return self.sequence, self.jpeg


def handler_for(pictures):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's naming)
            self.send_response(200)
            self.send_header("Content-Type", f"multipart/x-mixed-replace;boundary={BOUNDARY}")
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            sequence = 0
            try:
                while True:
                    sequence, jpeg = pictures.next(sequence)
                    if not jpeg:
                        continue
                    self.wfile.write(f"--{BOUNDARY}\r\nContent-Type: image/jpeg\r\nContent-Length: {len(jpeg)}\r\n\r\n".encode("ascii"))
                    self.wfile.write(jpeg)
                    self.wfile.write(b"\r\n")
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return

        def log_message(self, *_):
            pass

    return Handler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--file")
    parser.add_argument("--width", type=int, default=640)
    parser.add_argument("--height", type=int, default=360)
    parser.add_argument("--fps", type=int, default=10)
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    args = parser.parse_args()

    pictures = Pictures(args)
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    http.server.ThreadingHTTPServer.daemon_threads = True
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler_for(pictures))
    if args.tls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.tls[0], args.tls[1])
        server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"READY {server.server_address[1]}", flush=True)
    sys.stdin.read()
    server.shutdown()
    pictures.ffmpeg.kill()
    pictures.ffmpeg.wait()


if __name__ == "__main__":
    main()
