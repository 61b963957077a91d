"""`python -m scripts.make_samples`: the two-party sample recording in samples/, made again.

A sales call as a team records it: the rep and the customer, two voices on one mono track
(espeak-ng for the rep, flite for the customer), written for the demo and the workspace's
screenshots. It is not part of the quality corpus (bench/corpus/), and no extraction rule is
written against it. The one-voice samples beside it are older and are kept for the tests that
use them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from bench.corpus.render import RATE, Voice, encode, speak

REPO = Path(__file__).resolve().parents[1]
REP, CUSTOMER = Voice("espeak", "en-us+m3", 160), Voice("flite", "slt", 155)
TWO_PARTY = "sam-ortiz-harbor-lane.mp3"
TURNS: list[tuple[Voice, str]] = [
    (REP, "Hi, this is Alex Reed calling from Trackwise. Am I speaking with Sam Ortiz?"),
    (CUSTOMER, "Yes, this is Sam. I run operations at Harbor Lane Freight in Portland, Oregon."),
    (REP, "Thanks for filling in our form last week. What do you use to track your vans today?"),
    (CUSTOMER, "Spreadsheets, mostly. We have forty vans and we need fleet tracking software "
               "with a driver app."),
    (REP, "Do you have a budget in mind for this?"),
    (CUSTOMER, "We set aside about eighteen thousand dollars this year."),
    (REP, "And when would you like to be up and running?"),
    (CUSTOMER, "Before the end of March, if we can."),
    (REP, "I can send you a quote and book a demo with your team next Tuesday. What is the best "
          "e-mail for you?"),
    (CUSTOMER, "Sam dot ortiz at harbor lane dot com. Tuesday works for me."),
]


def render(path: Path, pause: float = 0.5) -> Path:
    gap = np.zeros(int(pause * RATE), dtype=np.float32)
    parts = [piece for voice, text in TURNS for piece in (speak(text, voice), gap)]
    encode(np.concatenate(parts), path, 16_000, "mp3")
    return path


def main() -> int:
    out = render(REPO / "samples" / TWO_PARTY)
    print(f"wrote {out.relative_to(REPO)} ({out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
