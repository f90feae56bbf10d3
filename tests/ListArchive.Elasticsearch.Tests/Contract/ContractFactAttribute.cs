namespace ListArchive.Elasticsearch.Tests.Contract;

/// <summary>A fact that runs the contract checker; skipped, with the reason, where python3 with jsonschema is missing.</summary>
public sealed class ContractFactAttribute : FactAttribute
{
    public ContractFactAttribute()
    {
        if (ContractRecorder.Unavailable is { } reason)
            Skip = reason;
    }
}
