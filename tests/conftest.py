"""Suite-wide hooks. Kept minimal: subfolders hold their own fixtures."""


def pytest_terminal_summary(terminalreporter):
    """Print the quality gate's measured figures (recorded by tests/test_quality_gate.py)
    in every run, passing or failing, without needing -s."""
    lines = [value for reports in terminalreporter.stats.values() for rep in reports
             if getattr(rep, "when", None) == "call"
             for name, value in rep.user_properties if name == "quality_gate"]
    if lines:
        terminalreporter.write_sep("-", "quality gate")
        for line in lines:
            terminalreporter.write_line(line)
