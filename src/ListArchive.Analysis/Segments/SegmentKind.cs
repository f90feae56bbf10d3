namespace ListArchive.Analysis.Segments;

/// <summary>What a stretch of a message body is (issue 5, docs/segmentation.md).</summary>
public enum SegmentKind
{
    /// <summary>The sender's own words.</summary>
    Own,

    /// <summary>Quoted text, marked by <c>&gt;</c>, an Outlook header block or the HTML structure.</summary>
    Quote,

    /// <summary>The "On … wrote:" line(s) or the Outlook header block introducing a quote.</summary>
    Attribution,

    /// <summary>A forwarded-message header block and the message it introduces.</summary>
    Forward,

    /// <summary>A <c>-- </c> delimited or learned signature.</summary>
    Signature,

    /// <summary>The list's footer (learned or Mailman's standard one).</summary>
    Footer,

    /// <summary>Legal disclaimers and "Sent from my …" lines.</summary>
    Boilerplate,
}
