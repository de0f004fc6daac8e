"""``rnn-sandbox train --setup LINE``: the line is the setup, options beside it change it,
and a bad line is one clear line with exit code 2 (nothing trained, nothing written)."""

from __future__ import annotations

from rnn_sandbox.cli import main
from rnn_sandbox.io import load_experiment
from rnn_sandbox.setup_line import parse_setup_line


def test_train_reads_a_setup_line_and_saves_that_setup(capsys, tmp_path):
    line = "long_memory;seq-len=8;samples=40;cell=rnn;hidden=5;lr=0.02;seed=3"
    out_file = tmp_path / "run.rnnx"
    code = main(["train", "--setup", line, "--steps", "2", "--quiet", "--layers", "2",
                 "--save", str(out_file)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.startswith("long_memory: many_to_one, rnn 5x2")
    cfg = load_experiment(out_file).config
    expected = parse_setup_line(line)
    expected.network.num_layers = 2  # the option beside the line changes it
    assert cfg.to_dict() == expected.to_dict()


def test_a_bad_setup_line_is_one_line_with_exit_code_2(capsys, tmp_path):
    out_file = tmp_path / "run.rnnx"
    for line, fragment in (("long_memory;hidden=lots", "hidden: 'lots' is not a whole number"),
                           ("nope", "no task 'nope'"),
                           ("long_memory;hiden=3", "'hiden' is neither")):
        code = main(["train", "--setup", line, "--steps", "1", "--save", str(out_file)])
        out, err = capsys.readouterr()
        assert code == 2 and out == ""
        lines = err.strip().splitlines()
        assert len(lines) == 1 and "--setup:" in lines[0] and fragment in lines[0], err
    assert not out_file.exists()
    code = main(["train", "--setup", "long_memory", "--task", "long_memory", "--steps", "1"])
    err = capsys.readouterr().err
    assert code == 2 and "not allowed with argument" in err
    code = main(["train", "--steps", "1"])
    assert code == 2 and "--task --setup" in capsys.readouterr().err
