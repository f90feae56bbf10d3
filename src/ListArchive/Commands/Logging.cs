using Serilog;
using Serilog.Events;

namespace ListArchive.Commands;

/// <summary>
/// Serilog to standard error (so standard output stays clean for <c>--json</c>): warnings by
/// default, every problem with <c>--verbose</c>. Events carry the Message-ID and source position,
/// never message bodies.
/// </summary>
internal static class Logging
{
    public static ILogger Create(bool verbose) => new LoggerConfiguration()
        .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Warning)
        .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
        .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
        .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
        .CreateLogger();
}
