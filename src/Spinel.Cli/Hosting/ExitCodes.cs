namespace Spinel.Cli.Hosting;

/// <summary>Process exit codes of <c>spinel</c>.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The API answered with an error, or an action ended failed.</summary>
    public const int ApiError = 1;

    /// <summary>Bad command line: unknown option, missing value, invalid memory size ...</summary>
    public const int UsageError = 2;

    /// <summary>The cluster could not be reached (refused, unresolved, TLS rejected, timed out).</summary>
    public const int ConnectionError = 3;

    /// <summary>Interrupted with Ctrl-C.</summary>
    public const int Cancelled = 130;
}
