namespace Spinel.Cli.Waiting;

/// <summary>An action (or bootstrap, or database change) the CLI waited for ended failed.</summary>
internal sealed class ActionFailedException(string errorCode, string description) : Exception($"{errorCode}: {description}")
{
    public string ErrorCode { get; } = errorCode;

    public string Description { get; } = description;
}
