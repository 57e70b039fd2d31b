"""Site glue: which files a build writes, the one writer, the staged swap, and fixes to what MkDocs writes."""
