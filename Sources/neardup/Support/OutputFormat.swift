/// The versions of the CLI's JSON-lines outputs: every line carries its output's version as
/// `"format"`, its first member (``JSONLine/init(format:)``), and `schemas/*.schema.json` describes each version. A change a reader could trip
/// on (a field removed, renamed or given another meaning) raises the version; a new optional
/// field does not. Lines written before versions began have no `"format"` key.
///
/// `sign` records are not here: their version is the signature's own `"format"` (2), inside
/// `"signature"`, since the record's other keys are the input record's fields.
enum OutputFormat {
    /// `dedup --pairs` lines (and pairs on standard output): schemas/dedup-pair.schema.json.
    static let pairs = 1
    /// `dedup --clusters` lines: schemas/dedup-cluster.schema.json.
    static let clusters = 1
    /// `index query` lines: schemas/index-query.schema.json.
    static let indexQuery = 1
    /// `sketch` lines: schemas/sketch.schema.json.
    static let sketch = 1
    /// `discover` (and `discover align`) link lines: schemas/discover-link.schema.json.
    static let discoverLink = 1
    /// `compare --format json`: one object.
    static let compare = 1
    /// `extract --format json` lines.
    static let extract = 1
}
