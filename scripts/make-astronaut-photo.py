#!/usr/bin/python3
"""Writes chapter 9's bundled photo, public/photos/astronaut.jpg, and its credit, astronaut.txt.

The photo is scikit-image's `astronaut` (skimage.data.astronaut(): Eileen Collins, NASA, public
domain), 512 x 512 RGB, from Debian's python3-skimage; OpenCV (python3-opencv) encodes it. Nothing is
downloaded. Run with Debian's Python: /usr/bin/python3 scripts/make-astronaut-photo.py
"""

from pathlib import Path

import cv2
import skimage
from skimage import data

QUALITY = 90
OUT = Path(__file__).resolve().parent.parent / "public" / "photos"

CREDIT = f"""astronaut.jpg: Eileen Collins, NASA astronaut, photographed by NASA.
Public domain (a work of NASA; "no known copyright restrictions").
Source: the NASA Great Images database, as shipped by scikit-image {skimage.__version__}
(skimage.data.astronaut(), 512 x 512 RGB); re-encoded as JPEG (quality {QUALITY}) by
scripts/make-astronaut-photo.py, with no other change.
"""


def main() -> None:
    rgb = data.astronaut()
    OUT.mkdir(parents=True, exist_ok=True)
    # OpenCV takes BGR.
    ok = cv2.imwrite(str(OUT / "astronaut.jpg"), cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, QUALITY])
    if not ok:
        raise SystemExit("OpenCV could not write astronaut.jpg")
    (OUT / "astronaut.txt").write_text(CREDIT, encoding="utf-8")
    size = (OUT / "astronaut.jpg").stat().st_size
    print(f"wrote {OUT / 'astronaut.jpg'} ({rgb.shape[1]} x {rgb.shape[0]}, {size} bytes) and astronaut.txt")


if __name__ == "__main__":
    main()
