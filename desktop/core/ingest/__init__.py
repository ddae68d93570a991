"""Reading analysts' and publishers' files into canonical tables.

read (readers) -> recognise layout (recognisers) -> map names (registry) ->
validate (problems) -> :class:`~desktop.core.ingest.preview.ImportPreview`.
"""
