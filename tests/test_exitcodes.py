"""Exit codes are what the guides say: a missing input is a usage error, a bad profile is bad data."""

from evalkit.cli import ExitCode, main

EXAMPLE = "examples/xianxiang-2022/submission.json"


def test_a_missing_input_to_score_is_a_usage_error(capsys, tmp_path):
    """`evalkit score` on a path that does not exist exits 2 naming it, and writes nothing."""
    code = main(["score", str(tmp_path / "不存在"), "--out", str(tmp_path / "out")])
    assert code == ExitCode.USAGE and "不存在：文件不存在" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_bad_rule_parameters_in_a_profile_exit_1(capsys, tmp_path):
    """A profile overriding a rule with bad parameters is a mistake in the profile: exit 1, as documented."""
    profile = tmp_path / "p.yaml"
    profile.write_text("id: p\noverrides:\n  XX-B03: {rule: {kind: ratio, numerator: nosuch.item}}\n", encoding="utf-8")
    assert main(["check", EXAMPLE, "--profile", str(profile)]) == ExitCode.FAILED
    assert "p.yaml" in capsys.readouterr().err
