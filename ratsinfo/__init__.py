"""ratsinfo: council papers, inquiries, meetings and bodies into a DuckDB warehouse."""

__version__ = "0.1.0"
