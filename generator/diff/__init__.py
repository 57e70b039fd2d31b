"""What changed between two criteria files, by stable id: ``compare``, and its reports."""
