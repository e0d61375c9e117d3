"""Fetchers: they write bytes into the raw store and never touch the warehouse."""
