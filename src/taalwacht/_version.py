"""The version of taalwacht, in one place (SARIF, --version and the package metadata)."""

__version__ = "0.1.0"
