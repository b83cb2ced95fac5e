namespace Spinel.Cli.Api;

/// <summary>A successful REST answer: the bound object (null for an empty body) and the body exactly as the server sent it.</summary>
internal sealed record ApiResult<T>(T? Value, string Json);
