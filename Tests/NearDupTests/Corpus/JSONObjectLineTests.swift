import NearDupCore
import Testing

/// `JSONObjectLine`, the in-place reader of the discover stages' lines: what it reads, what it
/// refuses, and where it says the fault is.
@Suite struct JSONObjectLineTests {
    func read<T>(_ text: String, _ body: (JSONObjectLine) throws -> T) throws -> T {
        try Array(text.utf8).withUnsafeBufferPointer { try body(try JSONObjectLine($0)) }
    }

    /// The error of type `E` that `body` throws; `nil` when it throws none (another error is an issue).
    static func caught<E: Error>(_ type: E.Type, _ body: () throws -> Void) -> E? {
        do {
            try body()
            return nil
        } catch let error as E {
            return error
        } catch {
            Issue.record("not a \(E.self): \(error)")
            return nil
        }
    }

    func syntaxError(_ text: String) -> JSONLineParser.SyntaxError? {
        let line = [UInt8](text.utf8)
        return line.withUnsafeBufferPointer { bytes in Self.caught(JSONLineParser.SyntaxError.self) { _ = try JSONObjectLine(bytes) } }
    }

    @Test func readsTheStageValues() throws {
        let line = #" {"id":"a\"b\u00e9","date":null,"terms":[0, 7 ,4294967295],"weight":-1.5e2,"n":42,"x":{"y":[true,[]]},"e":[]} "#
        let (id, date, outlet, terms, empty, weight, n) = try read(line) { object in
            (try object.string("id"), try object.optionalString("date"), try object.optionalString("outlet"),
             try object.uint32Array("terms"), try object.uint32Array("e"), try object.double("weight"), try object.int("n"))
        }
        #expect(id == "a\"bé")
        #expect(date == nil && outlet == nil)
        #expect(terms == [0, 7, 4_294_967_295])
        #expect(empty == [])
        #expect(weight == -150)
        #expect(n == 42)
    }

    @Test func namesTheFieldItCannotRead() throws {
        let line = #"{"id":7,"terms":[1,-2],"big":[4294967296],"frac":[1.0],"text":"t","huge":[18446744073709551616]}"#
        func fault(_ body: () throws -> Void) -> JSONObjectLine.FieldError? { Self.caught(JSONObjectLine.FieldError.self, body) }
        let errors = try read(line) { object in
            [
                fault { _ = try object.string("id") }, fault { _ = try object.uint32Array("terms") },
                fault { _ = try object.uint32Array("big") }, fault { _ = try object.uint32Array("frac") },
                fault { _ = try object.uint32Array("huge") }, fault { _ = try object.double("text") },
                fault { _ = try object.string("outlet") }, fault { _ = try object.int("text") },
            ]
        }
        #expect(errors == [
            .wrongType("id"), .wrongType("terms"), .wrongType("big"), .wrongType("frac"), .wrongType("huge"), .wrongType("text"),
            .missing("outlet"), .wrongType("text"),
        ])
    }

    @Test func refusesWhatIsNotOneObject() {
        #expect(syntaxError("not json")?.offset == 0)
        #expect(syntaxError(#"{"id":"a","id":"b"}"#)?.message == #"field "id" given twice"#)
        #expect(syntaxError(#"{"id":"a","id":"b"}"#)?.offset == 10)
        #expect(syntaxError(#"{"terms":[1,2}"#) != nil)
        #expect(syntaxError(#"{"terms":[01]}"#) != nil)
        #expect(syntaxError(#"{"a":1} x"#)?.message == "unexpected text after the record")
        #expect(syntaxError(#"{"a":"\x"}"#) != nil)
        #expect(syntaxError("{}") == nil)
    }
}
