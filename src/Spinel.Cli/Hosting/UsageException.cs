namespace Spinel.Cli.Hosting;

/// <summary>The command line is wrong in a way the parser cannot see (conflicting options, an unreadable file); exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
