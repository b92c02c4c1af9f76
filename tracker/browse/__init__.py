"""Browse the database in Datasette: launcher, metadata, plugins."""

#: The port `tracker browse` listens on unless told (here, so that the command line's help needs no Datasette).
DEFAULT_PORT = 8001
