namespace ListArchive.Tools.CampaignEval;

/// <summary>One message of the evaluation: a real corpus message (Campaign −1) or an injected copy.</summary>
internal sealed record EvalMessage(long Id, string List, string Sender, DateTimeOffset Date, string Text, int Campaign);
