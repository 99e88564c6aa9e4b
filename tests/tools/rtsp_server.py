#!/usr/bin/python3
"""A real RTSP server (GStreamer's gst-rtsp-server through python3-gi) for the capture tests.

Run with /usr/bin/python3 (Debian's python3-gi, gir1.2-gst-rtsp-server-1.0, gstreamer1.0-plugins-*).

    rtsp_server.py [--port 0] [--name cam] [--file VIDEO] [--width 640] [--height 360] [--fps 10] [--tls CERT KEY]

Serves H.264 at rtsp://127.0.0.1:PORT/NAME (rtsps:// with --tls and a PEM certificate and key; anonymous access). The pictures come from an ffmpeg child that plays VIDEO in a loop at
its own rate (or ffmpeg's testsrc2 pattern without --file), scaled to WIDTHxHEIGHT at FPS, as raw I420 frames into a
GStreamer appsrc; GStreamer encodes them (x264, a key frame every second) for every client from one shared pipeline.
--port 0 asks the OS for a free port; the same port can be given again to a new server after this one was killed
(the listening socket is bound with SO_REUSEADDR).

Once listening it prints "READY <port>" on stdout. It exits when its stdin closes, so a dead test never leaves it
running.
"""
import argparse
import subprocess
import sys
import threading

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402


def ffmpeg_source(args):
    if args.file:
        source = ["-re", "-stream_loop", "-1", "-i", args.file]
    else:
        source = ["-re", "-f", "lavfi", "-i", f"testsrc2=size={args.width}x{args.height}:rate={args.fps}"]
    command = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", *source, "-an",
               "-vf", f"fps={args.fps},scale={args.width}:{args.height}", "-pix_fmt", "yuv420p", "-f", "rawvideo", "-"]
    return subprocess.Popen(command, stdout=subprocess.PIPE)


class Feeder:
    """Pushes ffmpeg's frames into the appsrc of the current shared media (frames are dropped while nobody watches)."""

    def __init__(self, args):
        self.size = args.width * args.height * 3 // 2
        self.lock = threading.Lock()
        self.appsrc = None
        self.ffmpeg = ffmpeg_source(args)
        threading.Thread(target=self.run, daemon=True).start()

    def attach(self, appsrc):
        with self.lock:
            self.appsrc = appsrc

    def detach(self, *_):
        with self.lock:
            self.appsrc = None

    def run(self):
        stream = self.ffmpeg.stdout
        while True:
            data = stream.read(self.size)
            if data is None or len(data) < self.size:
                sys.stderr.write("rtsp_server.py: ffmpeg source ended\n")
                return
            with self.lock:
                appsrc = self.appsrc
            if appsrc is not None:
                appsrc.emit("push-buffer", Gst.Buffer.new_wrapped(data))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--name", default="cam")
    parser.add_argument("--file")
    parser.add_argument("--width", type=int, default=640)
    parser.add_argument("--height", type=int, default=360)
    parser.add_argument("--fps", type=int, default=10)
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    args = parser.parse_args()

    Gst.init(None)
    feeder = Feeder(args)
    caps = f"video/x-raw,format=I420,width={args.width},height={args.height},framerate={args.fps}/1"
    launch = (f"( appsrc name=src is-live=true do-timestamp=true format=time caps={caps} ! queue leaky=downstream max-size-buffers=4 "
              f"! x264enc tune=zerolatency speed-preset=ultrafast key-int-max={args.fps} bitrate=1000 "
              f"! rtph264pay name=pay0 pt=96 config-interval=1 )")
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(launch)
    factory.set_shared(True)

    def configure(_factory, media):
        media.connect("unprepared", feeder.detach)
        feeder.attach(media.get_element().get_by_name("src"))

    factory.connect("media-configure", configure)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    if args.tls:
        # rtsps: TLS from GIO (glib-networking); anyone may watch, as on the plain server.
        gi.require_version("Gio", "2.0")
        from gi.repository import Gio  # noqa: E402
        auth = GstRtspServer.RTSPAuth()
        auth.set_tls_certificate(Gio.TlsCertificate.new_from_files(args.tls[0], args.tls[1]))
        token = GstRtspServer.RTSPToken()
        token.set_string("media.factory.role", "anonymous")
        auth.set_default_token(token)
        server.set_auth(auth)
        factory.add_role_from_structure(Gst.Structure.new_from_string(
            "anonymous, media.factory.access=(boolean)true, media.factory.construct=(boolean)true"))
    server.get_mount_points().add_factory("/" + args.name, factory)
    if server.attach(None) == 0:
        sys.stderr.write(f"rtsp_server.py: cannot listen on port {args.port}\n")
        feeder.ffmpeg.kill()
        sys.exit(1)

    loop = GLib.MainLoop()

    def watch_stdin():
        sys.stdin.read()
        GLib.idle_add(loop.quit)

    threading.Thread(target=watch_stdin, daemon=True).start()
    print(f"READY {server.get_bound_port()}", flush=True)
    try:
        loop.run()
    finally:
        feeder.ffmpeg.kill()
        feeder.ffmpeg.wait()


if __name__ == "__main__":
    main()
