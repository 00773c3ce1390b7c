"""Driving and seeing a real X display from a test: xdotool for keys and windows, xwd for the screen."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

TOOLS = ("xdotool", "xwd", "xwininfo", "xprop")


def require_tools() -> None:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        pytest.skip(f"no {', '.join(missing)} here (scripts/test-deps.sh installs them on Debian)")


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    width: int
    height: int

    def inside(self, outer: Box) -> bool:
        return (self.x >= outer.x and self.y >= outer.y and self.x + self.width <= outer.x + outer.width
                and self.y + self.height <= outer.y + outer.height)


class Display:
    """One X display (its environment from xdisplay.x_display)."""

    def __init__(self, env: dict[str, str]):
        self.env = env

    def run(self, *args: str) -> str:
        return subprocess.run(args, env=self.env, capture_output=True, text=True, timeout=20).stdout.strip()

    def key(self, *keys: str) -> None:
        self.run("xdotool", "key", "--clearmodifiers", *keys)

    def click(self, x: int, y: int) -> None:
        self.run("xdotool", "mousemove", "--sync", str(x), str(y), "click", "1")

    def type(self, text: str) -> None:
        self.run("xdotool", "type", "--delay", "30", text)

    def wait_window(self, title: str, timeout: float = 30) -> str:
        """The id of the first visible window whose title matches, once there is one."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.run("xdotool", "search", "--onlyvisible", "--name", title).split()
            if found:
                return found[0]
            time.sleep(0.1)
        raise AssertionError(f"no window titled {title!r} within {timeout} s")

    def activate(self, window: str) -> None:
        self.run("xdotool", "windowactivate", "--sync", window)

    def screen(self) -> Box:
        width, height = map(int, self.run("xdotool", "getdisplaygeometry").split())
        return Box(0, 0, width, height)

    def frame(self, window: str) -> Box:
        """The window with the frame its window manager draws around it, in screen coordinates."""
        info = self.run("xwininfo", "-id", window)
        x, y, width, height = (int(re.search(rf"{label}:\s+(-?\d+)", info).group(1))
                               for label in ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height"))
        extents = re.findall(r"\d+", self.run("xprop", "-id", window, "_NET_FRAME_EXTENTS").partition("=")[2])
        left, right, top, bottom = map(int, extents) if len(extents) == 4 else (0, 0, 0, 0)
        return Box(x - left, y - top, width + left + right, height + top + bottom)

    def screenshot(self, path: Path) -> Image.Image:
        """The whole screen as a PNG (xwd's dump read with Pillow, which has no XWD reader of its own)."""
        data = subprocess.run(["xwd", "-root", "-silent"], env=self.env, capture_output=True, timeout=20,
                              check=True).stdout
        image = xwd_image(data)
        path.parent.mkdir(parents=True, exist_ok=True)
        image.save(path)
        return image


def window_screenshot(display: Display, window: str, path: Path) -> Image.Image:
    """One window's own pixels: under Xvfb and openbox a dialog reads black in a dump of the root window,
    though the app has painted it (its own dump shows it whole)."""
    data = subprocess.run(["xwd", "-id", window, "-silent"], env=display.env, capture_output=True, timeout=20,
                          check=True).stdout
    image = xwd_image(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)
    return image


def xwd_image(data: bytes) -> Image.Image:
    """An X window dump of a TrueColor screen (Xvfb's 24-bit depth) as an RGB image."""
    header = struct.unpack(">25I", data[:100])
    header_size, width, height, byte_order, bits_per_pixel, bytes_per_line, colours = (
        header[0], header[4], header[5], header[7], header[11], header[12], header[19])
    start = header_size + colours * 12  # the colour map follows the header (and the window name in it)
    raw = {(32, 0): "BGRX", (32, 1): "XRGB", (24, 0): "BGR", (24, 1): "RGB"}[(bits_per_pixel, byte_order)]
    pixels = data[start:start + bytes_per_line * height]
    return Image.frombytes("RGB", (width, height), pixels, "raw", raw, bytes_per_line)
