import NearDup

/// The JSONL line of one link, the contract of `neardup discover --format jsonl`:
/// `{"format", "story", "source", "verdict", "score", "coverage", "retold_sentences", "source_sentences",
/// "derived_sentences", "story_sentences", "sources", "candidate_weight", "passages": [{"kind",
/// "story": [start, end], "source": [start, end]}]}`, offsets in UTF-8 bytes of each text as
/// read. `verdict`, `score`, `derived_sentences` and `story_sentences` are the story's against
/// all its `sources` together; `coverage`, the retold and source sentences and the passages are
/// this source's. `format` is the layout's version (``OutputFormat/discoverLink``), described by
/// schemas/discover-link.schema.json.
enum RewriteLinkLine {
    static func render(_ link: RewriteLink) -> String {
        let r = link.report
        let e = r.evidence
        let story = (link.groupReport ?? r).evidence
        var line = JSONLine(format: OutputFormat.discoverLink)
        line.append("story", link.story)
        line.append("source", link.source)
        line.append("verdict", link.verdict.rawValue)
        line.append("score", link.score)
        line.append("coverage", link.coverage)
        line.append("retold_sentences", e.retoldSentences)
        line.append("source_sentences", e.referenceNarrativeSentences)
        line.append("derived_sentences", story.derivedSentences)
        line.append("story_sentences", story.narrativeSentences)
        line.append("sources", strings: link.sources)
        line.append("candidate_weight", rounded(link.candidateWeight))
        let passages = r.passages.map { p in
            "{\"kind\":\"\(p.kind.rawValue)\",\"story\":[\(p.candidate.start),\(p.candidate.end)],\"source\":[\(p.reference.start),\(p.reference.end)]}"
        }
        line.append("passages", json: "[" + passages.joined(separator: ",") + "]")
        return line.text
    }

    /// Four decimals: a weight is a ranking aid, not a measurement.
    static func rounded(_ value: Double) -> Double { (value * 1e4).rounded() / 1e4 }
}
