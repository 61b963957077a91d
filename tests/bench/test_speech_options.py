"""The decoding-options bench: named option sets build the engine they say, and the table
reports mean WER per language, phone lines apart, and CPU time per second of audio."""

from __future__ import annotations

from adapters.speech import DecodeOptions
from bench.speech_options import Row, engine_for, table


def test_option_sets_combine_into_one_engine() -> None:
    engine = engine_for("langs+vad+beam1")
    assert engine.languages == ("en", "es")
    assert engine.options == DecodeOptions(beam_size=1, vad_filter=True)
    assert engine.beam_size == 1
    default = engine_for("default")
    assert default.options == DecodeOptions() and default.languages == ()
    likely = engine_for("emph+prev+batch8+likely")
    assert likely.options == DecodeOptions(phone_emphasis=True, condition_on_previous_text=True,
                                           batch_size=8)
    assert likely.likely_languages == ("en", "es") and likely.languages == ()


def test_table_reports_means_per_language_and_time_ratio() -> None:
    rows = [Row("default", {"es": [0.2, 0.4], "en": [0.1]}, 30.0, 100.0,
                {"es": (2, 2), "en": (1, 1)}, {"es": [0.4]}),
            Row("vad", {"es": [0.1, 0.3], "en": [0.3]}, 20.0, 100.0,
                {"es": (1, 2), "en": (1, 1)}, {"es": [0.3]})]
    lines = table(rows).splitlines()
    assert lines[0].startswith("| options | en WER (n=1) | en phone WER | en language right |")
    assert lines[2] == "| default | 0.100 | – | 1/1 | 0.300 | 0.400 | 2/2 | 0.300 |"
    assert lines[3] == "| vad | 0.300 | – | 1/1 | 0.200 | 0.300 | 1/2 | 0.200 |"
