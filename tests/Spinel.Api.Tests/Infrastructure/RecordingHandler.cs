using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Spinel.Api.Forwarding;

namespace Spinel.Api.Tests.Infrastructure;

/// <summary>Plays the leader for forwarded requests: records each one and answers with a canned response.</summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<ForwardedRequest> _requests = new();

    public IReadOnlyList<ForwardedRequest> Requests => [.. _requests];

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    public string Body { get; set; } = """{"uid":7,"name":"from-leader"}""";

    /// <summary>When set, sending fails as a refused connection does.</summary>
    public bool Unreachable { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        _requests.Enqueue(new ForwardedRequest(
            request.Method.Method,
            request.RequestUri!,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
            request.Content?.Headers.ContentType?.ToString(),
            body));
        if (Unreachable)
        {
            throw new HttpRequestException("Connection refused");
        }
        return new HttpResponseMessage(Status) { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
    }
}

/// <summary>What <see cref="RecordingHandler"/> saw.</summary>
public sealed record ForwardedRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, string? Body);

/// <summary>Hands every forwarding client the same <see cref="RecordingHandler"/> and remembers the CA it was asked to trust.</summary>
internal sealed class RecordingHandlerFactory(RecordingHandler handler) : IForwardingHandlerFactory
{
    public string? LastCertificateAuthorityPem { get; private set; }

    public HttpMessageHandler Create(string? certificateAuthorityPem)
    {
        LastCertificateAuthorityPem = certificateAuthorityPem;
        return handler;
    }
}
