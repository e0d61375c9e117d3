"""The web app: server-rendered pages over a read-only snapshot of the warehouse."""
