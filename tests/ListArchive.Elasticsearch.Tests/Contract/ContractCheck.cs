namespace ListArchive.Elasticsearch.Tests.Contract;

/// <summary>One run of es-contract-check.py: exit code (0 = all valid), its output, requests it checked.</summary>
internal sealed record ContractCheck(int ExitCode, string Output, int Checked);
