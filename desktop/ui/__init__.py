"""Qt user interface; imports the core, never the reverse."""
