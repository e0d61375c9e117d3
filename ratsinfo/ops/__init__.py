"""Unattended operation: the nightly refresh, the sources file, source checks and health."""
