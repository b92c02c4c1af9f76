"""Browse the database in Datasette: launcher, metadata, plugins."""
