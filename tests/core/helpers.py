"""Labelled two-party transcripts written for the unit tests (not from the quality corpus)."""

from __future__ import annotations

from models.call import Segment, Speaker, Transcript


def call(*turns: tuple[str, str], language: str | None = "en", labelled: bool = True,
         channels: bool = False, roles: bool = False) -> Transcript:
    """turns: (speaker label, words); the labels are kept on the segments when `labelled`;
    with `roles`, the roles are given too: "R" the rep, any other label the customer."""
    segments, t = [], 0.0
    for label, text in turns:
        segments.append(Segment(start=t, end=t + len(text) / 15, text=text, confidence=0.9,
                                speaker=label if labelled else None))
        t += len(text) / 15
    speakers = []
    if labelled:
        for label in dict.fromkeys(label for label, _ in turns):
            speakers.append(Speaker(label=label, channel=label if channels else None,  # type: ignore[arg-type]
                                    role=("rep" if label == "R" else "customer") if roles
                                    else "unknown"))
    return Transcript(text=" ".join(text for _, text in turns), segments=segments,
                      language=language, speakers=speakers)
