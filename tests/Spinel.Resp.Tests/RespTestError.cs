namespace Spinel.Resp.Tests;

/// <summary>An error reply (<c>-ERR ...</c>) without its leading dash.</summary>
public sealed record RespTestError(string Message);
