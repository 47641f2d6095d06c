/// Facts about the NearDup package itself.
///
/// Not a type named `NearDup` (it would hide the module, and `NearDup.Signature` in an
/// embedder's code would stop compiling) nor `NearDupPackage` (the symbol graph leaves out a
/// type named after its module followed by `Version`, taking it for a framework's version
/// symbol, so DocC would never show it).
public enum NearDupPackage {
    /// The package's semantic version (`MAJOR.MINOR.PATCH`), the one place it is written.
    /// `neardup --version` prints it, CHANGELOG.md lists what each version changed, and the
    /// release tag is `v` followed by it.
    public static let version = "0.1.0"
}
