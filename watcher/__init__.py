"""watcher: tells you when news coverage reports a changed funding fact about a company."""

__version__ = "0.1.0"
