"""evalkit serve: the web app for a county office and its townships (see docs/web-guide.md)."""
