"""A document's position: its place in the input, the order `neardup dedup` numbers documents in.

Position = (input file number << 40) | (0-based line number). Ordering positions orders documents
as `neardup dedup` reads them (files in the order given, lines in file order), so "the earliest
document" (a cluster's representative, a bucket's first member) is the same document.
"""

LINE_BITS = 40


def position(file_number, line_index):
    """The position of the 0-based line `line_index` of input file `file_number`."""
    if line_index >= 1 << LINE_BITS:
        raise ValueError("more than 2^40 lines in one input file")
    return (file_number << LINE_BITS) | line_index


def location(names, pos):
    """`file:line` (1-based line), as neardup names a JSONL record."""
    return "%s:%d" % (names[pos >> LINE_BITS], (pos & ((1 << LINE_BITS) - 1)) + 1)
