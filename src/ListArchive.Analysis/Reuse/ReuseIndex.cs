namespace ListArchive.Analysis.Reuse;

/// <summary>
/// In-memory fingerprint index over the own text of messages (and documents), with candidate lookup and
/// attribution (issue 6; docs/text-reuse.md §6, §7). A prototype of the lookup the SQLite index will
/// hold: postings hash → sources, a document-frequency cap for very common fingerprints, and the texts
/// kept in memory for alignment. Not thread-safe for writes; deterministic for equal input order.
/// </summary>
public sealed class ReuseIndex
{
    /// <summary>
    /// Default document-frequency cap: a fingerprint held by more than this many sources is ignored at
    /// lookup. Footers, disclaimers and stock phrases ("let me know if you have any questions") recur
    /// across hundreds of messages and say nothing about where a passage came from (research §1.1 maxDF,
    /// §1.4 banality filter). 50 keeps a passage quoted in a long thread (each quote is in the quoter's
    /// quote, not own text, so it is not counted) while dropping boilerplate.
    /// </summary>
    public const int DefaultMaxSourcesPerFingerprint = 50;

    private readonly Dictionary<ulong, List<int>> postings = [];
    private readonly List<Source> sources = [];
    private readonly Dictionary<long, int> byId = [];
    private readonly Dictionary<ulong, int> boilerplate = [];
    private readonly List<Fingerprint> scratch = [];

    public ReuseIndex(ReuseOptions? options = null, int maxSourcesPerFingerprint = DefaultMaxSourcesPerFingerprint, Fingerprinter? fingerprinter = null)
    {
        Aligner = new ReuseAligner(options);
        MaxSourcesPerFingerprint = Math.Max(1, maxSourcesPerFingerprint);
        Fingerprinter = fingerprinter ?? Fingerprinter.Default;
    }

    public ReuseAligner Aligner { get; }

    public Fingerprinter Fingerprinter { get; }

    public int MaxSourcesPerFingerprint { get; }

    /// <summary>Sources added.</summary>
    public int Count => sources.Count;

    /// <summary>Distinct fingerprint hashes held.</summary>
    public int DistinctFingerprints => postings.Count;

    /// <summary>Postings (hash, source) held: the rows a stored index would have.</summary>
    public long Postings { get; private set; }

    /// <summary>Adds a source's own text. Returns false (and changes nothing) when the id is already present.</summary>
    public bool Add(long sourceId, string ownText, ReuseSourceInfo? info = null)
    {
        ArgumentNullException.ThrowIfNull(ownText);
        return Add(sourceId, WordStream.Create(ownText), info);
    }

    /// <summary>Adds a source's own text as a word stream (kept for alignment).</summary>
    public bool Add(long sourceId, WordStream ownWords, ReuseSourceInfo? info = null)
    {
        ArgumentNullException.ThrowIfNull(ownWords);
        if (byId.ContainsKey(sourceId))
        {
            return false;
        }

        var index = sources.Count;
        sources.Add(new Source(sourceId, ownWords, info ?? new ReuseSourceInfo(null, null)));
        byId.Add(sourceId, index);
        scratch.Clear();
        Fingerprinter.Fingerprint(ownWords, scratch);
        foreach (var fp in scratch)
        {
            if (!postings.TryGetValue(fp.Hash, out var list))
            {
                list = new List<int>(1);
                postings.Add(fp.Hash, list);
            }

            // A hash repeated inside one source is one posting: frequency counts sources.
            if (list.Count == 0 || list[^1] != index)
            {
                list.Add(index);
                Postings++;
            }
        }

        return true;
    }

    /// <summary>
    /// Counts text that is nobody's own words and is not a quote — list footers, signatures, disclaimers
    /// (the segmenter's Footer/Signature/Boilerplate) — towards fingerprint frequency only. A footer the
    /// segmenter missed in one message is then still common, and a reply quoting its parent's footer is not
    /// attributed to that one message (tools/ReuseEval: bulmages, docs/text-reuse.md §7). Quotes must not be
    /// counted: a passage quoted by many replies is exactly what attribution is for.
    /// </summary>
    public void AddBoilerplate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var seen = new HashSet<ulong>();
        foreach (var fp in Fingerprinter.Fingerprint(WordStream.Create(text)))
        {
            if (seen.Add(fp.Hash))
            {
                boilerplate[fp.Hash] = boilerplate.GetValueOrDefault(fp.Hash) + 1;
            }
        }
    }

    /// <summary>
    /// Makes a fingerprint common whatever this index holds: for an index built per message from candidates
    /// a stored index found (ListArchive.Ingest AttributionPass), where frequency is the archive's, not this one's.
    /// </summary>
    public void MarkCommon(ulong hash) => boilerplate[hash] = MaxSourcesPerFingerprint + 1;

    /// <summary>Whether a fingerprint is held by more than <see cref="MaxSourcesPerFingerprint"/> sources (boilerplate included).</summary>
    public bool IsCommon(ulong hash) =>
        (postings.TryGetValue(hash, out var list) ? list.Count : 0) + boilerplate.GetValueOrDefault(hash) > MaxSourcesPerFingerprint;

    public bool Contains(long sourceId) => byId.ContainsKey(sourceId);

    /// <summary>The indexed text of a source, or null.</summary>
    public string? TextOf(long sourceId) => byId.TryGetValue(sourceId, out var i) ? sources[i].Words.Text : null;

    /// <summary>The metadata of a source, or null.</summary>
    public ReuseSourceInfo? InfoOf(long sourceId) => byId.TryGetValue(sourceId, out var i) ? sources[i].Info : null;

    /// <summary>
    /// Sources sharing fingerprints with the message, best first: given ancestors (nearest first, present
    /// even with no shared fingerprint), then by shared distinct fingerprints (descending), earlier date,
    /// lower id. Fingerprints held by more than <see cref="MaxSourcesPerFingerprint"/> sources are skipped;
    /// <see cref="ReuseQuery.Self"/> and sources dated after <see cref="ReuseQuery.Before"/> are left out.
    /// </summary>
    public IReadOnlyList<ReuseCandidate> Lookup(WordStream message, ReuseQuery? query = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Lookup(Fingerprinter.Fingerprint(message), query ?? ReuseQuery.None);
    }

    private List<ReuseCandidate> Lookup(Fingerprint[] fingerprints, ReuseQuery query)
    {
        var counts = new Dictionary<int, int>();
        var seen = new HashSet<ulong>();
        foreach (var fp in fingerprints)
        {
            if (!seen.Add(fp.Hash) || !postings.TryGetValue(fp.Hash, out var list) || IsCommon(fp.Hash))
            {
                continue;
            }

            foreach (var s in list)
            {
                counts[s] = counts.GetValueOrDefault(s) + 1;
            }
        }

        var ancestorRank = new Dictionary<int, int>();
        var ancestors = AncestorsOf(query);
        for (var r = 0; r < ancestors.Count; r++)
        {
            if (byId.TryGetValue(ancestors[r], out var a) && !ancestorRank.ContainsKey(a))
            {
                ancestorRank.Add(a, r);
                counts.TryAdd(a, 0);
            }
        }

        var result = new List<(ReuseCandidate Candidate, Source Source)>();
        foreach (var (s, count) in counts)
        {
            var source = sources[s];
            if (query.Self == source.Id)
            {
                continue;
            }

            var rank = ancestorRank.GetValueOrDefault(s, -1);
            if (rank < 0 && query.Before is { } before && source.Info.Date is { } date && date > before)
            {
                continue;
            }

            result.Add((new ReuseCandidate(source.Id, count, rank), source));
        }

        result.Sort(static (x, y) => CompareCandidates(x.Candidate, x.Source, y.Candidate, y.Source));
        return result.ConvertAll(static r => r.Candidate);
    }

    private IReadOnlyList<long> AncestorsOf(ReuseQuery query)
    {
        if (query.Ancestors.Count > 0 || query.Parent is not { } parent)
        {
            return query.Ancestors;
        }

        var chain = new List<long>();
        var seen = new HashSet<long>();
        for (long? id = parent; id is { } current && seen.Add(current); id = byId.TryGetValue(current, out var i) ? sources[i].Info.ParentId : null)
        {
            chain.Add(current);
        }

        return chain;
    }

    /// <summary>
    /// Attributes the passages of a message to indexed sources: looks up candidates, aligns the message
    /// with each (dense seeding, <see cref="ReuseAligner"/>), and where accepted spans of different
    /// sources overlap gives each word to the best source — a given ancestor before any other source; then
    /// the alignment with more matched words, the earlier source, the lower id. Spans come back in
    /// message order; a remainder of a span cut by a better one is kept only when it still has
    /// <see cref="ReuseOptions.MinWordsHighIdentity"/> words.
    /// </summary>
    public IReadOnlyList<AttributedSpan> Attribute(string message, ReuseQuery? query = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Attribute(WordStream.Create(message), query);
    }

    /// <inheritdoc cref="Attribute(string, ReuseQuery?)"/>
    public IReadOnlyList<AttributedSpan> Attribute(WordStream message, ReuseQuery? query = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        query ??= ReuseQuery.None;
        var fingerprints = Fingerprinter.Fingerprint(message);
        var candidates = Lookup(fingerprints, query);
        var grams = new ulong[Math.Max(0, message.Count - Fingerprinter.GramWords + 1)];
        Fingerprinter.GramHashes(message.Tokens, grams);
        var aligned = new List<(ReusedSpan Span, ReuseCandidate Candidate, Source Source)>();
        var others = 0;
        foreach (var candidate in candidates)
        {
            if (candidate.AncestorRank < 0)
            {
                if (candidate.SharedFingerprints == 0 || others >= query.MaxCandidates)
                {
                    continue;
                }

                others++;
            }

            var source = sources[byId[candidate.SourceId]];
            foreach (var span in Aligner.Align(message, source.Words))
            {
                if (!IsBoilerplate(span, grams))
                {
                    aligned.Add((span, candidate, source));
                }
            }
        }

        if (aligned.Count == 0)
        {
            return [];
        }

        aligned.Sort((x, y) =>
        {
            // Ancestors are one tier, not ranked among themselves: a passage in the own text of both the
            // parent and the grandparent (the parent's client quoted without markers) originates in the
            // grandparent, the earlier one (issue 6: a quote of a quote resolves to the passage's origin).
            var c = (y.Candidate.AncestorRank >= 0).CompareTo(x.Candidate.AncestorRank >= 0);
            if (c == 0) c = y.Span.MatchedWords.CompareTo(x.Span.MatchedWords);
            if (c == 0) c = CompareDates(x.Source.Info.Date, y.Source.Info.Date);
            if (c == 0) c = x.Source.Id.CompareTo(y.Source.Id);
            if (c == 0) c = x.Span.MessageFirstWord.CompareTo(y.Span.MessageFirstWord);
            return c;
        });

        // Word-level assignment: each word goes to the best span covering it.
        var owner = new int[message.Count];
        Array.Fill(owner, -1);
        for (var k = 0; k < aligned.Count; k++)
        {
            var span = aligned[k].Span;
            for (var w = span.MessageFirstWord; w < span.MessageFirstWord + span.MessageWords && w < owner.Length; w++)
            {
                if (owner[w] < 0)
                {
                    owner[w] = k;
                }
            }
        }

        var result = new List<AttributedSpan>();
        var i = 0;
        while (i < owner.Length)
        {
            var k = owner[i];
            if (k < 0)
            {
                i++;
                continue;
            }

            var j = i;
            while (j < owner.Length && owner[j] == k)
            {
                j++;
            }

            var (span, _, source) = aligned[k];
            var whole = i == span.MessageFirstWord && j - i == span.MessageWords;
            if (whole || j - i >= Aligner.Options.MinWordsHighIdentity)
            {
                result.Add(ToAttributed(message, span, source, i, j - i, whole));
            }

            i = j;
        }

        return result;
    }

    // A span whose every known gram is common (and that has one) is a footer or stock text, whichever
    // source it aligned with. All grams, not the message's winnowed fingerprints: a short footer quoted
    // inside other text may have its window minima outside it.
    private bool IsBoilerplate(ReusedSpan span, ulong[] grams)
    {
        var last = Math.Min(span.MessageFirstWord + span.MessageWords - Fingerprinter.GramWords, grams.Length - 1);
        var any = false;
        for (var p = span.MessageFirstWord; p <= last; p++)
        {
            var hash = grams[p];
            if (!postings.ContainsKey(hash) && !boilerplate.ContainsKey(hash))
            {
                continue;
            }

            if (!IsCommon(hash))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    private static AttributedSpan ToAttributed(WordStream message, ReusedSpan span, Source source, int first, int count, bool whole)
    {
        var (start, end) = message.CharRange(first, count);
        if (whole)
        {
            return new AttributedSpan(start, end, source.Id, span.SourceStart, span.SourceEnd, span.Identity, count, source.Info.AuthorKey);
        }

        // A remainder: estimate the source words from the offset into the alignment (exact without gaps).
        var sourceLast = span.SourceFirstWord + span.SourceWords - 1;
        var sFirst = Math.Min(span.SourceFirstWord + (first - span.MessageFirstWord), sourceLast);
        var sEnd = Math.Min(sFirst + count - 1, sourceLast);
        var (sStart, sStop) = source.Words.CharRange(sFirst, sEnd - sFirst + 1);
        return new AttributedSpan(start, end, source.Id, sStart, sStop, span.Identity, count, source.Info.AuthorKey);
    }

    private static int CompareCandidates(ReuseCandidate x, Source xs, ReuseCandidate y, Source ys)
    {
        int xr = x.AncestorRank < 0 ? int.MaxValue : x.AncestorRank, yr = y.AncestorRank < 0 ? int.MaxValue : y.AncestorRank;
        var c = xr.CompareTo(yr);
        if (c == 0) c = y.SharedFingerprints.CompareTo(x.SharedFingerprints);
        if (c == 0) c = CompareDates(xs.Info.Date, ys.Info.Date);
        if (c == 0) c = xs.Id.CompareTo(ys.Id);
        return c;
    }

    private static int CompareDates(DateTimeOffset? x, DateTimeOffset? y) =>
        (x ?? DateTimeOffset.MaxValue).CompareTo(y ?? DateTimeOffset.MaxValue);

    private sealed record Source(long Id, WordStream Words, ReuseSourceInfo Info);
}
