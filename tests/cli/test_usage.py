"""What every command shares: one size parser, one check of counts such as ``--steps``,
one error type with one exit code, so a mistake reads the same in every command."""

from __future__ import annotations

import pytest

from rnn_sandbox.cli import EXIT_USAGE, CliError, main
from rnn_sandbox.cli.options import ANIMATE_SIZE, COMPARE_SIZE, parse_size

SMALL = ["--task", "tiny_bptt", "--hidden", "3", "--samples", "40", "--batch-size", "8"]


def run(capsys, *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("text, size", [("1280x720", (1280, 720)), ("320X180", (320, 180)),
                                        ("640×480", (640, 480)), (" 64 x 48 ", (64, 48)),
                                        ("0x0", (0, 0))])
def test_a_size_is_width_x_height_in_whole_pixels(text, size):
    assert parse_size(text, like="1x1") == size


@pytest.mark.parametrize("text", ["big", "", "1280", "1280x", "x720", "1280x720x3",
                                  "-5x3", "+5x3", "12.5x3", "1e3x3", "²x2", "1280,720"])
def test_anything_else_is_refused_with_the_example_given(text):
    with pytest.raises(CliError) as caught:
        parse_size(text, like="1280x800")
    assert str(caught.value) == (
        f"--size: write the size as WIDTHxHEIGHT, like 1280x800, not '{text}'")


@pytest.mark.parametrize("text", ["big", "1280", "x720", "-5x3", "12.5x3", "²x2"])
def test_animate_and_compare_refuse_a_bad_size_the_same_way(capsys, tmp_path, text):
    """Before reading any file: neither input exists, and nothing is written."""
    missing = tmp_path / "missing.rnnx"
    code, out, err = run(capsys, "animate", missing, f"--size={text}",
                         "--out", tmp_path / "a.gif")
    assert (code, out) == (EXIT_USAGE, "")
    assert err == f"error: --size: write the size as WIDTHxHEIGHT, like {ANIMATE_SIZE}, " \
                  f"not '{text}'\n"
    code, out, err = run(capsys, "compare", missing, missing, f"--size={text}",
                         "--png", tmp_path / "c.png")
    assert (code, out) == (EXIT_USAGE, "")
    assert err == f"error: --size: write the size as WIDTHxHEIGHT, like {COMPARE_SIZE}, " \
                  f"not '{text}'\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("steps", ["0", "-3"])
def test_too_few_steps_read_the_same_in_every_command_that_trains(capsys, tmp_path, steps):
    """``train``, ``train --seeds`` and ``resume`` share one check, before any work."""
    commands = [
        ["train", *SMALL, "--steps", steps],
        ["train", *SMALL, "--steps", steps, "--seeds", "2", "--save", tmp_path / "r.rnns"],
        ["resume", tmp_path / "missing.rnnx", "--steps", steps],
    ]
    for argv in commands:
        code, out, err = run(capsys, *argv)
        assert (code, out, err) == (EXIT_USAGE, "", "error: --steps must be at least 1\n"), argv
    assert list(tmp_path.iterdir()) == []


def test_counts_of_either_family_are_refused_in_the_same_words(capsys):
    """``--epochs`` (one experiment) and ``--processes`` (seeds) share the check too."""
    code, _, err = run(capsys, "train", *SMALL, "--epochs", "0")
    assert (code, err) == (EXIT_USAGE, "error: --epochs must be at least 1\n")
    code, _, err = run(capsys, "train", *SMALL, "--seeds", "2", "--processes", "0")
    assert (code, err) == (EXIT_USAGE, "error: --processes must be at least 1\n")


def test_a_bad_option_value_is_one_line_and_exit_2_in_both_families(capsys, tmp_path):
    """argparse's own refusals go through the same error as the commands' checks."""
    for argv in (["animate", tmp_path / "a.rnnx", "--out", tmp_path / "a.gif", "--seconds",
                  "soon"],
                 ["compare", tmp_path / "a.rnnx", "--x", "epoch"]):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (EXIT_USAGE, "")
        assert err.startswith(f"error: rnn-sandbox {argv[0]}: argument ") and err.count("\n") == 1
