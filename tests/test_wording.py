"""One rule for counts in messages: no "1 steps" anywhere."""

from rnn_sandbox.cli import main
from rnn_sandbox.wording import count


def test_count_says_one_and_many():
    assert count(1, "step") == "1 step"
    assert count(0, "step") == "0 steps"
    assert count(2, "run") == "2 runs"
    assert count(1, "process", "processes") == "1 process"
    assert count(3, "process", "processes") == "3 processes"


def test_the_command_line_says_one_step_and_one_seed(capsys, tmp_path):
    main(["train", "--task", "tiny_bptt", "--steps", "1", "--quiet", "--seeds", "1",
          "--processes", "1"])
    out = capsys.readouterr().out
    assert "1 step," in out and "1 process" in out and "over 1 seed:" in out, out
    assert "1 steps" not in out and "1 seeds" not in out and "1 processes" not in out


def test_printable_escapes_what_could_steer_a_terminal_and_keeps_the_rest():
    from rnn_sandbox.wording import printable

    hostile = "a\x1b]0;owned\x07b\nrow\r\t\x7f\x85\ud800\u202e\u2028z"
    shown = printable(hostile)
    assert shown == "a\\x1b]0;owned\\x07b\\nrow\\r\\t\\x7f\\x85\\ud800\\u202e\\u2028z"
    assert shown.isprintable()
    shown.encode("utf-8")  # a lone surrogate would not encode
    for kept in ("plain", "é ü 中文 🙂", "a\\x1b", "non\u00a0breaking", ""):
        assert printable(kept) == kept
    assert printable(3) == "3"
