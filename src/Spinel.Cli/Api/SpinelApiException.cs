using System.Net;

namespace Spinel.Cli.Api;

/// <summary>The REST API answered with an error status; <see cref="ErrorCode"/> and <see cref="Description"/> come from its error body.</summary>
internal sealed class SpinelApiException(HttpStatusCode statusCode, string errorCode, string description)
    : Exception($"{errorCode}: {description}")
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>The body's <c>error_code</c>, or a code derived from the status when the body has none (e.g. <c>unauthorized</c>).</summary>
    public string ErrorCode { get; } = errorCode;

    public string Description { get; } = description;
}
