using System.Text.RegularExpressions;

namespace ListArchive.Analysis.Campaigns;

/// <summary>
/// The legitimate look-alikes a moderator must not be shown as campaigns (issue 8; research note
/// Part 6(b) "Known legitimate look-alikes"). "+1" replies never get here: they are below
/// <see cref="CampaignOptions.MinWords"/>. Each rule is checked on the whole cluster.
/// </summary>
public static partial class NegativeControls
{
    public const string PatchSeries = "patch-series";
    public const string Bot = "bot";
    public const string CallForPapers = "call-for-papers";
    public const string ReleaseAnnouncement = "release-announcement";
    public const string Footer = "footer-or-disclaimer";
    public const string SingleSender = "single-sender";

    /// <summary>The negative-control case of a cluster, or null.</summary>
    public static string? Classify(IReadOnlyList<CampaignMember> members, int senders)
    {
        var half = (members.Count + 1) / 2;
        if (members.Count(m => Patch().IsMatch(m.Subject)) >= half)
        {
            return PatchSeries;
        }

        if (members.Count(IsBot) >= half)
        {
            return Bot;
        }

        if (members.Count(m => Cfp().IsMatch(m.Subject) || Cfp().IsMatch(m.OwnText)) >= half)
        {
            return CallForPapers;
        }

        if (members.Count(m => Release().IsMatch(m.Subject)) >= half)
        {
            return ReleaseAnnouncement;
        }

        if (members.All(m => m.OwnText.Length < 1200 && Disclaimer().IsMatch(m.OwnText)))
        {
            return Footer;
        }

        // Resends and cross-posts by one author: the same person repeating themselves.
        return senders <= 1 ? SingleSender : null;
    }

    /// <summary>Automated senders: by address (noreply, CI, trackers) or by what the text says it is.</summary>
    public static bool IsBot(CampaignMember member) =>
        (member.SenderAddress is { } a && BotAddress().IsMatch(a))
        || (member.SenderName is { } n && BotName().IsMatch(n))
        || Automated().IsMatch(member.OwnText)
        || Commit().IsMatch(member.Subject);

    // Commit notifications: "[List] r2708 - trunk/…" (svn post-commit, bulmages-main), "pushed 1 commit to …" (IFTTT/GitHub);
    // tracker notifications: "[Bug #14078] segfault en …", "[Feature #5407] …" (BerliOS, bulmages-main: 462 copies, 5 "senders").
    [GeneratedRegex(@"(^(\[[^\]]*\]\s*)*r\d+ - |\bpushed \d+ commits? to\b|^\[?(svn|cvs|git) commit|\[(bug|bugs|issue|ticket|task|feature|feature requests?|support|patches) #\d+\])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Commit();

    // git format-patch and its RFC/vN variants (ksummit-discuss and every kernel list).
    [GeneratedRegex(@"\[[^\]]*\bPATCH\b[^\]]*\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Patch();

    [GeneratedRegex(@"^(no-?reply|do-?not-?reply|noreply|mailer-daemon|postmaster|jenkins|buildbot|travis|github|gitlab|bugzilla|trac|jira|notifications?|ci|bot|svn|cvs|git|commits?|action|hostmaster|.*[-_.]bot)(\+[^@]*)?@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BotAddress();

    [GeneratedRegex(@"\b(bot|buildbot|jenkins|trac|bugzilla|github|gitlab|mailer-daemon|cron daemon)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BotName();

    [GeneratedRegex(@"\b(this (is an|e-?mail was) (automated|automatically generated)|do not reply to this (e-?mail|message)|automatic(ally)? generated (message|notification))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Automated();

    [GeneratedRegex(@"\b(call for (papers|participation|proposals|contributions|abstracts|submissions|presentations|talks)|CFP|submission deadline|deadline for submissions?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Cfp();

    // "[ANN] foo 1.2", "ANNOUNCE: …", "Twisted 21.2.0 released", "Release 3.1 available".
    [GeneratedRegex(@"(\[ANN(OUNCE)?\]|\bANNOUNCE(MENT)?\b|\brelease[sd]?\b.*\d+\.\d+|\brelease notes?\b|\d+\.\d+.*\b(release[sd]?|is out|now available)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Release();

    [GeneratedRegex(@"\b(confidential|intended (only )?(for the )?(named )?recipient|disclaimer|unsubscribe|privileged|mailing list\b.*\blistinfo)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Disclaimer();
}
