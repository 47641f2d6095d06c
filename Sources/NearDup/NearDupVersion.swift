/// The package's version: the one place it is written.
///
/// A type, not a member of a type named `NearDup`: a type with the module's name would hide the
/// module, and `NearDup.Signature` in an embedder's code would stop compiling.
public enum NearDupVersion {
    /// The package's semantic version (`MAJOR.MINOR.PATCH`). `neardup --version` prints it,
    /// CHANGELOG.md lists what each version changed, and the release tag is `v` followed by it.
    public static let current = "0.1.0"
}
