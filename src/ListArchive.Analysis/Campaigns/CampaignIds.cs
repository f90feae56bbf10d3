using ListArchive.Analysis.Reuse;

namespace ListArchive.Analysis.Campaigns;

/// <summary>
/// A cluster's id comes from its members' Message-IDs and lists, never from raw ids (which depend
/// on import order): the smallest member hash, 16 hex digits.
/// </summary>
public static class CampaignIds
{
    public static string For(IEnumerable<(string MessageId, string List)> members)
    {
        var min = ulong.MaxValue;
        foreach (var (messageId, list) in members)
        {
            var h = StableHash.Mix(StableHash.Of(messageId + "\n" + list));
            if (h < min)
            {
                min = h;
            }
        }

        return min.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }
}
