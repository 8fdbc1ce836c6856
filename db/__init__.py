"""The SQLite layer: connection settings, numbered migrations, queries."""
