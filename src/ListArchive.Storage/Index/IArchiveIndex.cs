using ListArchive.Storage.Search;

namespace ListArchive.Storage.Index;

/// <summary>
/// The index port: everything derived from the raw store, written by ingest/reindex and read by
/// the web and the CLI. <see cref="SqliteArchiveIndex"/> is the embedded implementation.
/// </summary>
public interface IArchiveIndex : IDisposable
{
    /// <summary>Inserts or replaces messages (keyed by raw id) in one transaction.</summary>
    void UpsertBatch(IReadOnlyList<IndexedMessage> messages);

    /// <summary>Writes thread placement for messages of a list and re-derives the touched threads.</summary>
    void ApplyThreads(string list, IEnumerable<ThreadAssignment> assignments);

    /// <summary>Drops and recreates every derived table (start of <c>reindex</c>).</summary>
    void ResetDerived();

    /// <summary>
    /// Waits until every write is searchable and records that the full-text index is consistent
    /// with the index (end of an import; otherwise the full-text index is rebuilt on next open).
    /// </summary>
    void Flush();

    /// <summary>The threader's input for one list, in raw-id order.</summary>
    IEnumerable<ThreadingInput> GetThreadingInputs(string list);

    IReadOnlyList<ListSummary> GetLists();

    Page<ThreadSummary> GetThreads(string list, int offset, int limit);

    ThreadView? GetThread(string list, string threadId);

    /// <summary>A message by Message-ID (the earliest stored copy when several; of <paramref name="list"/> when given).</summary>
    MessageView? GetMessage(string messageId, string? list = null);

    IReadOnlyList<MessageSummary> GetMonth(string list, int year, int month, MonthOrder order);

    AuthorView? GetAuthor(string authorId);

    Page<MessageSummary> GetAuthorMessages(string authorId, int offset, int limit);

    ArchiveStats GetStats();

    SearchResults Search(SearchQuery query, int offset, int limit);

    /// <summary>Learned trailers (list footers, author signatures) by (kind, key).</summary>
    IReadOnlyDictionary<(string Kind, string Key), string> GetTrailers();

    /// <summary>
    /// Stores learned trailers (a null text removes one) and the raw id up to which they were
    /// learned, in one transaction.
    /// </summary>
    void SaveTrailers(IReadOnlyDictionary<(string Kind, string Key), string?> trailers, long learnedUpTo);

    /// <summary>The highest raw id indexed (0 when empty).</summary>
    long MaxRawId { get; }

    /// <summary>The raw id up to which trailers were learned (0 when never).</summary>
    long TrailersLearnedUpTo { get; }

    /// <summary>
    /// For each list and each sender (From address as stored) with a message above raw id
    /// <paramref name="after"/>: the bodies of their latest messages (at most
    /// <paramref name="perList"/> and <paramref name="perSender"/>), oldest first.
    /// </summary>
    (IReadOnlyDictionary<string, List<string>> Lists, IReadOnlyDictionary<string, List<string>> Senders) GetRecentBodies(long after, int perList, int perSender);

    /// <summary>The trailer keys of every message of the given lists and senders, in raw-id order.</summary>
    IEnumerable<StoredTrailerKey> GetTrailerKeys(IReadOnlyCollection<string> lists, IReadOnlyCollection<string> senders);

    /// <summary>The stored bodies of the given raw ids, in raw-id order.</summary>
    IReadOnlyList<StoredBody> GetBodies(IReadOnlyCollection<long> rawIds);

    /// <summary>Replaces segments, own and quoted text (and their full-text rows) of stored messages.</summary>
    void UpdateSegmentation(IReadOnlyList<SegmentationUpdate> updates);

    /// <summary>Sets the trailer keys of stored messages whose segments stay as they are.</summary>
    void UpdateTrailerKeys(IReadOnlyList<(long RawId, string TrailerKey)> keys);

    /// <summary>
    /// Every derived text the index holds, for <c>listarchive audit</c>: (Message-ID, field, text)
    /// for subjects, bodies, own and quoted text, link and attachment URLs, and trailers.
    /// </summary>
    IEnumerable<(string MessageId, string Field, string Text)> EnumerateDerivedText();

    // ---- Reading experience (issue 7): web pages and API ----

    /// <summary>Messages per UTC month, of one list or (null) of all, oldest first.</summary>
    IReadOnlyList<MonthCount> GetActivity(string? list);

    /// <summary>Messages per UTC month of every list, oldest first (home-page sparklines).</summary>
    IReadOnlyDictionary<string, IReadOnlyList<MonthCount>> GetActivityByList();

    /// <summary>A list's latest messages, newest first (Atom feed).</summary>
    IReadOnlyList<MessageView> GetRecentMessages(string list, int limit);

    /// <summary>An author's messages per UTC month, oldest first.</summary>
    IReadOnlyList<MonthCount> GetAuthorActivity(string authorId);

    /// <summary>Threads an author wrote in, by latest activity.</summary>
    IReadOnlyList<ThreadSummary> GetAuthorThreads(string authorId, int limit);

    /// <summary>Whose messages an author answers most (by the thread tree's parent links).</summary>
    IReadOnlyList<PersonCount> GetAuthorRepliesTo(string authorId, int limit);

    /// <summary>Who answers an author's messages most.</summary>
    IReadOnlyList<PersonCount> GetAuthorRepliedBy(string authorId, int limit);

    /// <summary>Who quotes an author most: others' messages in the author's threads whose quotes are attributed to them.</summary>
    IReadOnlyList<PersonCount> GetAuthorQuotedBy(string authorId, int limit);

    /// <summary>Bodies and segments of the given raw ids, in raw-id order.</summary>
    IReadOnlyList<MessageSegments> GetMessageSegments(IReadOnlyCollection<long> rawIds);

    // ---- end of reading experience ----
    // ---- Campaigns (issue 8; docs/campaigns.md) ----

    /// <summary>Raw ids inserted, re-segmented or deleted since the campaign pass last ran, ascending.</summary>
    IReadOnlyList<long> GetCampaignDirty(int limit);

    /// <summary>Campaign inputs of stored messages (missing ids are left out), in raw-id order.</summary>
    IReadOnlyList<ListArchive.Analysis.Campaigns.CampaignMember> GetCampaignMembers(IReadOnlyCollection<long> rawIds);

    /// <summary>The campaign text of stored messages (own and forwarded segments, no signature), by raw id.</summary>
    IReadOnlyDictionary<long, (string Text, DateTimeOffset? Date)> GetCampaignTexts(IReadOnlyCollection<long> rawIds);

    /// <summary>Stored (band key, raw id) pairs for the given band keys.</summary>
    IReadOnlyList<(long Key, long RawId)> GetCampaignCandidates(IReadOnlyCollection<long> bandKeys);

    /// <summary>The stored campaign of each given message that has one.</summary>
    IReadOnlyDictionary<long, string> GetCampaignOf(IReadOnlyCollection<long> rawIds);

    /// <summary>Raw ids of a stored campaign's members.</summary>
    IReadOnlyList<long> GetCampaignMemberIds(string campaignId);

    /// <summary>Each list's normal rate in messages per hour (messages over the span of its dates).</summary>
    IReadOnlyDictionary<string, double> GetListRates();

    /// <summary>
    /// In one transaction: replaces the sketches and bands of <paramref name="processed"/> messages
    /// (null or missing sketch: none), deletes <paramref name="removed"/> campaigns, writes
    /// <paramref name="campaigns"/>, and takes the processed ids off the dirty queue.
    /// </summary>
    void ApplyCampaigns(
        IReadOnlyCollection<long> processed,
        IReadOnlyDictionary<long, ListArchive.Analysis.Campaigns.CampaignSketch?> sketches,
        IReadOnlyCollection<string> removed,
        IReadOnlyList<StoredCampaign> campaigns);

    /// <summary>The distinct lists of the given stored messages.</summary>
    IReadOnlyList<string> GetListsOf(IReadOnlyCollection<long> rawIds);

    /// <summary>Ids of the campaigns with a member on any of the given lists.</summary>
    IReadOnlyList<string> GetCampaignIdsOnLists(IReadOnlyCollection<string> lists);

    /// <summary>Campaigns, flagged ones only unless <paramref name="all"/>; newest flag, then most copies, first.</summary>
    IReadOnlyList<CampaignSummary> GetCampaigns(bool all, int offset, int limit);

    /// <summary>One campaign with its messages (oldest first), or null.</summary>
    CampaignView? GetCampaign(string id);
    // ---- Text reuse and attribution (issue 6; docs/text-reuse.md §9) ----

    /// <summary>The raw id up to which the attribution pass ran (0 when never, or after a reset).</summary>
    long ReuseUpTo { get; }

    /// <summary>Indexed raw ids above <paramref name="after"/>, ascending.</summary>
    IReadOnlyList<long> GetRawIdsAfter(long after);

    /// <summary>Sources whose own text changed since the last pass (re-segmented messages, new documents).</summary>
    IReadOnlyList<long> GetReuseDirty();

    /// <summary>Ends a pass: remembers <paramref name="upTo"/> and clears the dirty sources.</summary>
    void CompleteReusePass(long upTo);

    /// <summary>Sources by key (raw id, or −document key), in key order; without text only the metadata is read.</summary>
    IReadOnlyList<ReuseSource> GetReuseSources(IReadOnlyCollection<long> keys, bool withText);

    /// <summary>
    /// Replaces the stored fingerprints of the given sources in one transaction. With
    /// <paramref name="findAffected"/>, returns every other source or message that shares a (not common) hash
    /// with their old or new fingerprints: the ones whose attribution may change.
    /// </summary>
    IReadOnlySet<long> ReplaceFingerprints(IReadOnlyList<SourceFingerprints> sources, int maxSourcesPerFingerprint, bool findAffected);

    /// <summary>Sources holding each hash in their own text; a hash held by more than the cap is common and skipped.</summary>
    FingerprintLookup LookupFingerprints(IReadOnlyCollection<ulong> hashes, int maxSourcesPerFingerprint);

    /// <summary>
    /// For each hash found, the sources holding it — at most <paramref name="maxSourcesPerFingerprint"/> + 1: a hash
    /// with more is common (its list is cut there). One read for a whole batch of messages.
    /// </summary>
    IReadOnlyDictionary<ulong, long[]> GetFingerprintHolders(IReadOnlyCollection<ulong> hashes, int maxSourcesPerFingerprint);

    /// <summary>The earliest raw id of each of the Message-IDs found in a list.</summary>
    IReadOnlyDictionary<string, long> FindMessages(string list, IReadOnlyCollection<string> messageIds);

    /// <summary>The raw ids of every message in the threads of the given messages.</summary>
    IReadOnlySet<long> GetThreadMates(IReadOnlyCollection<long> rawIds);

    /// <summary>Replaces attributions (and quoted-text parents); returns the lists whose quoted-text parents changed.</summary>
    IReadOnlyCollection<string> SaveAttributions(IReadOnlyList<AttributionResult> results);

    /// <summary>Registers (or replaces, by id) a reference document; returns its key. Its fingerprints follow at the next pass.</summary>
    long AddDocument(ReferenceDocument document);

    /// <summary>Registered reference documents, by key.</summary>
    IReadOnlyList<ReferenceDocument> GetDocuments(bool withText = false);

    /// <summary>A registered document by id, its segments attributed like a message's; null when unknown.</summary>
    DocumentView? GetDocument(string documentId);

    /// <summary>Stored attributions of one target (raw id, or −document key), in order.</summary>
    IReadOnlyList<StoredAttribution> GetAttributions(long target);

    /// <summary>
    /// An author's positions: per thread their own passages with what each answers; words written, quoted from
    /// whom, and who quoted them — over their latest <paramref name="maxMessages"/> messages. Null for an unknown author.
    /// </summary>
    AuthorPositions? GetAuthorPositions(string authorId, int maxMessages = 500);

    /// <summary>Fingerprint storage: sources, postings, and bytes of the fingerprint tables (when SQLite reports them).</summary>
    (long Sources, long OwnPostings, long QuotePostings, long? Bytes) GetFingerprintStats();
}
