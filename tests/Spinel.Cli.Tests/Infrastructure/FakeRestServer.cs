using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Spinel.Cli.Tests.Infrastructure;

/// <summary>
/// A Kestrel server on a free loopback port that plays the cluster's REST API: it records every request and answers
/// with canned Redis-Enterprise-shaped JSON. A route given several answers returns them in turn, then repeats the last;
/// an unknown route gets 404 with a Redis Enterprise error body.
/// </summary>
public sealed class FakeRestServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<(string Method, string Path), ConcurrentQueue<CannedResponse>> routes = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();

    private FakeRestServer(WebApplication app) => this.app = app;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <summary>Starts a server on 127.0.0.1 with a free port; HTTPS with <paramref name="certificate"/> when given.</summary>
    public static async Task<FakeRestServer> StartAsync(X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var server = new FakeRestServer(builder.Build());
        server.app.Run(server.HandleAsync);
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with these responses in turn (the last one repeats).</summary>
    public FakeRestServer On(string method, string path, params CannedResponse[] responses)
    {
        routes[(method, path)] = new ConcurrentQueue<CannedResponse>(responses);
        return this;
    }

    /// <summary>Answers with 200 and this JSON body.</summary>
    public FakeRestServer OnJson(string method, string path, string json) => On(method, path, CannedResponse.Ok(json));

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string path) =>
        Requests.Where(r => r.Method == method && r.Path == path).ToList();

    public RecordedRequest Single(string method, string path) => Assert.Single(RequestsTo(method, path));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var request = context.Request;
        requests.Enqueue(new RecordedRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "",
            request.Headers.Authorization.FirstOrDefault(), request.ContentType, body));

        if (!routes.TryGetValue((request.Method, request.Path.Value ?? ""), out var queue) || !queue.TryPeek(out var response))
        {
            response = CannedResponse.Error(404, "not_found", $"no route {request.Method} {request.Path}");
        }
        else if (queue.Count > 1)
        {
            queue.TryDequeue(out _);
        }

        if (response.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(response.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        context.Response.StatusCode = response.Status;
        if (response.Body.Length > 0)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.WriteAsync(response.Body);
        }
    }
}
