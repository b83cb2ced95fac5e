using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace Spinel.IntegrationTests.Cluster;

/// <summary>A REST client for one node: HTTP Basic, and HTTPS verified against the cluster CA once there is one.</summary>
public sealed class RestClient : IDisposable
{
    private readonly HttpClient _http;

    public RestClient(string baseUrl, string? user, string? password, string? caPemFile)
    {
        var handler = new HttpClientHandler();
        if (caPemFile is null)
        {
            handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
        }
        else
        {
            var ca = X509Certificate2.CreateFromPem(File.ReadAllText(caPemFile));
            handler.ServerCertificateCustomValidationCallback = (_, certificate, chain, _) =>
            {
                if (certificate is null || chain is null)
                {
                    return false;
                }
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(certificate);
            };
        }
        _http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        if (user is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }
    }

    public Task<RestResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<RestResponse> PostAsync(string path, JsonNode? body) => SendAsync(HttpMethod.Post, path, body);

    public Task<RestResponse> PutAsync(string path, JsonNode? body) => SendAsync(HttpMethod.Put, path, body);

    public Task<RestResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    /// <summary>
    /// Sends a write, again while the answer is a 503 that says the write was never proposed (an election under way on a
    /// loaded machine); any other answer, a refusal after the proposal included, is returned as it is.
    /// </summary>
    public async Task<RestResponse> WriteAsync(HttpMethod method, string path, JsonNode? body, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var response = await SendAsync(method, path, body?.DeepClone());
            if (!NeverProposed(response) || DateTime.UtcNow > deadline)
            {
                return response;
            }
            await Task.Delay(200);
        }
    }

    private static bool NeverProposed(RestResponse response) =>
        response.Status == HttpStatusCode.ServiceUnavailable &&
        response.Json?["error_code"]?.GetValue<string>() == "no_quorum" &&
        response.Json?["description"]?.GetValue<string>() is { } description &&
        (description.Contains("not the leader; the leader is changing", StringComparison.Ordinal) ||
         description.Contains("no cluster leader is known", StringComparison.Ordinal) ||
         description.Contains("no leader is known", StringComparison.Ordinal) ||
         description.Contains("has not heard from a majority", StringComparison.Ordinal) ||
         description.Contains("writes are refused until it has one", StringComparison.Ordinal));

    public async Task<RestResponse> SendRawAsync(HttpMethod method, string path, string body, string? contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);
        return await SendCoreAsync(request);
    }

    private async Task<RestResponse> SendAsync(HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        return await SendCoreAsync(request);
    }

    private async Task<RestResponse> SendCoreAsync(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        try
        {
            json = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
        }
        return new RestResponse(response.StatusCode, text, json);
    }

    public void Dispose() => _http.Dispose();
}

public sealed record RestResponse(HttpStatusCode Status, string Text, JsonNode? Json)
{
    public JsonNode Body => Json ?? throw new InvalidOperationException($"no JSON body ({(int)Status}): {Text}");

    public override string ToString() => $"{(int)Status} {Text}";
}
