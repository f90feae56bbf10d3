using ListArchive.Commands;
using ListArchive.Elasticsearch.Configuration;
using ListArchive.Elasticsearch.Transport;

// The `listarchive` command: the composition root. Each sub-command lives in Commands/.
// Settings that cannot be used and an index cluster that cannot be reached are the user's to
// fix, not bugs: they get one clear line and exit code 2, not a stack trace.
try
{
    return await Cli.Build().Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (EsConfigurationException e)
{
    foreach (var error in e.Errors)
    {
        Console.Error.WriteLine($"listarchive: configuration: {error}");
    }

    return 2;
}
catch (EsException e)
{
    Console.Error.WriteLine($"listarchive: elasticsearch: {e.Message}");
    return 2;
}
catch (Exception e) when (e is not OperationCanceledException)
{
    Console.Error.WriteLine($"listarchive: unhandled error: {e}");
    return 1;
}
